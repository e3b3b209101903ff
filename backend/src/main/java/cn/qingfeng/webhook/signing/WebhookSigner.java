package cn.qingfeng.webhook.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks v1 signatures (standardwebhooks.com): {@code v1,} + base64(HMAC-SHA256(key,
 * "{webhook-id}.{webhook-timestamp}.{body}")), timestamps in integer seconds. During a secret
 * rotation every secret signs and the header carries the signatures separated by spaces; a
 * receiver accepts the message when any one of them matches a secret it knows.
 */
public final class WebhookSigner {

    public static final String VERSION = "v1";
    /** How far a timestamp may be from the receiver's clock, as the spec recommends. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private WebhookSigner() {
    }

    /** One {@code v1,…} signature. */
    public static String sign(String secret, String msgId, long timestampSeconds, byte[] body) {
        return VERSION + "," + Base64.getEncoder().encodeToString(hmac(WebhookSecrets.key(secret), msgId, timestampSeconds, body));
    }

    /** The {@code webhook-signature} header value: one signature per secret, space-separated, in the given order. */
    public static String signatureHeader(List<String> secrets, String msgId, long timestampSeconds, byte[] body) {
        if (secrets == null || secrets.isEmpty()) {
            throw new IllegalArgumentException("no webhook secret to sign with");
        }
        List<String> parts = new ArrayList<>(secrets.size());
        for (String s : secrets) {
            parts.add(sign(s, msgId, timestampSeconds, body));
        }
        return String.join(" ", parts);
    }

    /**
     * Checks a received message as a receiver would: the timestamp within {@link #TOLERANCE} of
     * {@code now} and at least one {@code v1} signature made with one of {@code secrets}.
     */
    public static boolean verify(List<String> secrets, String msgId, String timestampHeader, byte[] body,
                                 String signatureHeader, Instant now) {
        if (msgId == null || timestampHeader == null || signatureHeader == null || secrets == null) {
            return false;
        }
        long ts;
        try {
            ts = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - ts) > TOLERANCE.toSeconds()) {
            return false;
        }
        List<byte[]> expected = new ArrayList<>();
        for (String s : secrets) {
            expected.add(hmac(WebhookSecrets.key(s), msgId, ts, body));
        }
        for (String part : signatureHeader.trim().split(" +")) {
            int comma = part.indexOf(',');
            if (comma < 0 || !VERSION.equals(part.substring(0, comma))) {
                continue; // other versions (e.g. v1a asymmetric) are not ours to check
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(part.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            for (byte[] e : expected) {
                if (MessageDigest.isEqual(e, given)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] hmac(byte[] key, String msgId, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((msgId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
