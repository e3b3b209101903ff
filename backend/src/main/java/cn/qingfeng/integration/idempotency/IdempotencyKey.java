package cn.qingfeng.integration.idempotency;

import cn.qingfeng.common.problem.ProblemException;
import java.util.List;

/**
 * The {@code Idempotency-Key} request header (draft-ietf-httpapi-idempotency-key-header-07): an
 * RFC 8941 sf-string such as {@code "8e03978e-40d5-43e8-bc93-6894a57f9324"}. Clients that send the
 * bare token (as most do) are understood too. Either way the key is 1–255 visible ASCII characters.
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    /** Set on a response that is the replay of the first one. */
    public static final String REPLAYED = "Idempotent-Replayed";
    public static final int MAX_LENGTH = 255;

    private IdempotencyKey() {
    }

    /** The key the header values carry; 400 {@code idempotency.key-invalid} when they carry no valid one. */
    public static String parse(List<String> values) {
        if (values.size() != 1) {
            throw invalid("Idempotency-Key 只能出现一次");
        }
        String raw = values.get(0).strip();
        String key = raw;
        if (raw.startsWith("\"")) {
            key = unquote(raw);
        }
        if (key.isEmpty() || key.length() > MAX_LENGTH) {
            throw invalid("Idempotency-Key 须为 1–" + MAX_LENGTH + " 个可见 ASCII 字符");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                throw invalid("Idempotency-Key 只能包含可见 ASCII 字符（不含空格）");
            }
        }
        return key;
    }

    /** An sf-string: DQUOTE *(unescaped / "\" ( DQUOTE / "\" )) DQUOTE. */
    private static String unquote(String raw) {
        if (raw.length() < 2 || !raw.endsWith("\"")) {
            throw invalid("Idempotency-Key 的引号不完整");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < raw.length() - 1; i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                if (i + 1 >= raw.length() - 1 || (raw.charAt(i + 1) != '"' && raw.charAt(i + 1) != '\\')) {
                    throw invalid("Idempotency-Key 含有无效的转义");
                }
                out.append(raw.charAt(++i));
            } else if (c == '"') {
                throw invalid("Idempotency-Key 的引号不完整");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("idempotency.key-invalid", detail);
    }
}
