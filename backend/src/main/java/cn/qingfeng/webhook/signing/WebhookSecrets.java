package cn.qingfeng.webhook.signing;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Standard Webhooks signing secrets: {@code whsec_} followed by the base64 of the key bytes.
 * The spec asks for 24–64 random bytes; we generate 32 and accept any key in that range.
 */
public final class WebhookSecrets {

    public static final String PREFIX = "whsec_";
    public static final int GENERATED_BYTES = 32;
    public static final int MIN_BYTES = 24;
    public static final int MAX_BYTES = 64;

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecrets() {
    }

    /** A fresh secret, e.g. for a new subscription or a rotation. */
    public static String generate() {
        byte[] key = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The HMAC key of a secret (the prefix is optional, as receivers' libraries accept both forms). */
    public static byte[] key(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("empty webhook secret");
        }
        String b64 = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        byte[] key;
        try {
            key = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhook secret is not base64 after the whsec_ prefix", e);
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException("webhook secret must hold " + MIN_BYTES + "–" + MAX_BYTES
                    + " bytes, has " + key.length);
        }
        return key;
    }

    public static boolean isValid(String secret) {
        try {
            key(secret);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
