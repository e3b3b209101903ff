package cn.qingfeng.common.input;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * What the API accepts as text and as dates, everywhere (bodies and parameters alike), decided
 * once. Text: no NUL or other control characters but tab and line breaks, no lone surrogate
 * halves, no bidirectional overrides (they make a title read differently than it is stored).
 * Dates: calendar dates from 1900-01-01 to 2999-12-31, written {@code yyyy-MM-dd} — what a
 * ledger of a bureau can hold, and what PostgreSQL and every client render the same way.
 */
public final class InputRules {

    public static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2999, 12, 31);
    /** The contract's pattern of a date: four-digit years 1900–2999. */
    public static final String DATE_PATTERN = "^(19|2[0-9])[0-9]{2}-[0-9]{2}-[0-9]{2}$";
    /** A text that is given must say something: the rule create's @NotBlank states, for updates (absent stays absent). */
    public static final String NOT_BLANK = "(?s).*\\S.*";
    public static final String DATE_RANGE = "日期须在 1900-01-01 至 2999-12-31 之间（格式 yyyy-MM-dd）";

    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private InputRules() {
    }

    /** Why the text is refused, or empty when it is acceptable. */
    public static Optional<String> textProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Optional.of("不能包含空字符（NUL）");
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return Optional.of("不能包含控制字符");
            }
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                return Optional.of("不能包含文字方向控制字符");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("包含无效的 Unicode 字符");
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("包含无效的 Unicode 字符");
            }
        }
        return Optional.empty();
    }

    /** A date as the API accepts it, or empty for anything else (wrong form, impossible day, out of range). */
    public static Optional<LocalDate> date(String text) {
        if (text == null || !text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            return Optional.empty();
        }
        try {
            LocalDate d = LocalDate.parse(text, STRICT_DATE);
            return inRange(d) ? Optional.of(d) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** An instant with offset (ISO-8601) within the same years, or empty. */
    public static Optional<OffsetDateTime> dateTime(String text) {
        try {
            OffsetDateTime t = OffsetDateTime.parse(text);
            return inRange(t.toLocalDate()) ? Optional.of(t) : Optional.empty();
        } catch (DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a raw (still percent-encoded) URL part decodes to well-formed UTF-8. A decoder would
     * otherwise turn bytes that are no text (an encoded lone surrogate, {@code %FF}) into U+FFFD
     * and the request would run on something the client never sent.
     */
    public static boolean wellEncoded(String raw) {
        if (raw == null || raw.indexOf('%') < 0) {
            return true;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(raw.length());
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                plain.append(c);
                continue;
            }
            if (i + 2 >= raw.length()) {
                return false;
            }
            int hi = Character.digit(raw.charAt(i + 1), 16);
            int lo = Character.digit(raw.charAt(i + 2), 16);
            if (hi < 0 || lo < 0) {
                return false;
            }
            bytes.writeBytes(plain.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            plain.setLength(0);
            bytes.write(hi * 16 + lo);
            i += 2;
        }
        bytes.writeBytes(plain.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    public static boolean inRange(LocalDate d) {
        return !d.isBefore(FIRST_DAY) && !d.isAfter(LAST_DAY);
    }
}
