package cn.qingfeng.integration.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fingerprint of a request: SHA-256 over the method, the path and query as sent, the content
 * type and the body bytes. A multipart body is the one exception to "the bytes": clients pick a
 * new random boundary for every send, so a retry of the same upload would never match; the
 * boundary is left out (of the content type and wherever it delimits the body), everything else
 * of the parts counts.
 */
final class Fingerprint {

    private static final Pattern BOUNDARY = Pattern.compile(";\\s*boundary=(\"[^\"]*\"|[^;\\s]*)", Pattern.CASE_INSENSITIVE);

    private final MessageDigest digest;
    private final byte[] boundary;
    private final int[] fallback;
    private int matched;

    Fingerprint(String method, String uri, String contentType) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String type = contentType == null ? "" : contentType.strip();
        String found = null;
        if (type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            Matcher m = BOUNDARY.matcher(type);
            if (m.find()) {
                found = m.group(1).replace("\"", "");
                type = m.replaceAll("");
            }
        }
        boundary = found == null || found.isEmpty() ? null : found.getBytes(StandardCharsets.ISO_8859_1);
        fallback = boundary == null ? null : fallbackTable(boundary);
        digest.update((method + "\n" + uri + "\n" + type + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Feeds body bytes (a multipart body without its boundary's occurrences: a streaming KMP match). */
    void update(byte[] bytes, int offset, int length) {
        if (boundary == null) {
            digest.update(bytes, offset, length);
            return;
        }
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            while (matched > 0 && b != boundary[matched]) {
                // The partial match falls back: the bytes that can no longer be part of it are body.
                int shorter = fallback[matched - 1];
                digest.update(boundary, 0, matched - shorter);
                matched = shorter;
            }
            if (b == boundary[matched]) {
                if (++matched == boundary.length) {
                    matched = 0;
                }
            } else {
                digest.update(b);
            }
        }
    }

    String hex() {
        if (boundary != null && matched > 0) {
            digest.update(boundary, 0, matched);
            matched = 0;
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static int[] fallbackTable(byte[] p) {
        int[] f = new int[p.length];
        for (int i = 1, k = 0; i < p.length; i++) {
            while (k > 0 && p[i] != p[k]) {
                k = f[k - 1];
            }
            if (p[i] == p[k]) {
                k++;
            }
            f[i] = k;
        }
        return f;
    }
}
