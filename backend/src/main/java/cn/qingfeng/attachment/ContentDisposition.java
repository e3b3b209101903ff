package cn.qingfeng.attachment;

import java.nio.charset.StandardCharsets;

/** Safe file names: for storing what a client sent, and for the download header (RFC 6266 / 5987). */
public final class ContentDisposition {

    private ContentDisposition() {
    }

    /**
     * What is wrong with a name a client sent, if anything. Names are refused rather than
     * repaired, so what is stored is what the clerk sees on their disk: no path, no control or
     * direction characters (a right-to-left override makes "invoice\u202Efdp.exe" read as a pdf),
     * not empty, at most 255 characters.
     */
    public static java.util.Optional<String> problem(String name) {
        if (name == null || name.isBlank()) {
            return java.util.Optional.of("文件名不能为空");
        }
        var text = cn.qingfeng.common.input.InputRules.textProblem(name);
        if (text.isPresent()) {
            return java.util.Optional.of("文件名" + text.get());
        }
        if (name.chars().anyMatch(c -> c < 0x20)) {
            return java.util.Optional.of("文件名不能包含换行或制表符");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.equals(".") || name.equals("..")) {
            return java.util.Optional.of("文件名不能包含路径（/ 或 \\）");
        }
        if (name.length() > 255) {
            return java.util.Optional.of("文件名最长 255 个字符");
        }
        return java.util.Optional.empty();
    }

    /** The last path segment, without control characters, at most 255 characters (extension kept). */
    static String sanitize(String name) {
        String base = name == null ? "" : name;
        int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
        base = base.substring(slash + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (base.isEmpty() || base.equals(".") || base.equals("..")) {
            base = "file";
        }
        if (base.length() > 255) {
            int dot = base.lastIndexOf('.');
            String ext = dot > 0 && base.length() - dot <= 10 ? base.substring(dot) : "";
            base = base.substring(0, 255 - ext.length()) + ext;
        }
        return base;
    }

    /** {@code attachment; filename="ascii"; filename*=UTF-8''percent-encoded}. */
    public static String attachment(String filename) {
        StringBuilder ascii = new StringBuilder();
        for (char c : filename.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != ';' ? c : '_');
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encode(filename);
    }

    private static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", (int) c));
            }
        }
        return out.toString();
    }

    /**
     * As {@link #attachment(String)}, with the plain name for clients that do not read
     * {@code filename*} given apart (e.g. "tasks-20261202.xlsx" for "任务台账-20261202.xlsx").
     */
    public static String attachment(String filename, String fallback) {
        String plain = attachment(fallback);
        return plain.substring(0, plain.indexOf("; filename*=")) + "; filename*=UTF-8''" + encode(filename);
    }
}
