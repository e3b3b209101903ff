package cn.qingfeng.webhook.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our signer against the spec's rules and the reference library's test vector. */
class WebhookSignerTest {

    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TS = 1614265330;

    @Test
    void generatedSecretsArePrefixedBase64Of32RandomBytes() {
        String a = WebhookSecrets.generate();
        String b = WebhookSecrets.generate();
        assertThat(a).startsWith("whsec_").isNotEqualTo(b);
        assertThat(Base64.getDecoder().decode(a.substring(6))).hasSize(32);
        assertThat(WebhookSecrets.isValid(a)).isTrue();
        assertThat(WebhookSecrets.isValid("whsec_" + Base64.getEncoder().encodeToString(new byte[8]))).isFalse();
        assertThat(WebhookSecrets.isValid("whsec_not*base64")).isFalse();
    }

    @Test
    void signsAsTheReferenceLibraryDoes() throws Exception {
        // The Standard Webhooks libraries' shared test vector (key given without the prefix there).
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String ours = WebhookSigner.sign(secret, ID, TS, BODY);
        String theirs = new com.standardwebhooks.Webhook(secret).sign(ID, TS, new String(BODY, StandardCharsets.UTF_8));
        assertThat(ours).isEqualTo(theirs).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void rotationSignsWithEverySecretAndEitherVerifies() {
        String fresh = WebhookSecrets.generate();
        String old = WebhookSecrets.generate();
        String header = WebhookSigner.signatureHeader(List.of(fresh, old), ID, TS, BODY);
        assertThat(header.split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        Instant now = Instant.ofEpochSecond(TS);
        assertThat(WebhookSigner.verify(List.of(fresh), ID, Long.toString(TS), BODY, header, now)).isTrue();
        assertThat(WebhookSigner.verify(List.of(old), ID, Long.toString(TS), BODY, header, now)).isTrue();
        assertThat(WebhookSigner.verify(List.of(WebhookSecrets.generate()), ID, Long.toString(TS), BODY, header, now)).isFalse();
    }

    @Test
    void verifyKeepsTheFiveMinuteWindowAndRejectsTampering() {
        String secret = WebhookSecrets.generate();
        String header = WebhookSigner.sign(secret, ID, TS, BODY);
        String ts = Long.toString(TS);
        assertThat(WebhookSigner.verify(List.of(secret), ID, ts, BODY, header, Instant.ofEpochSecond(TS + 300))).isTrue();
        assertThat(WebhookSigner.verify(List.of(secret), ID, ts, BODY, header, Instant.ofEpochSecond(TS + 301))).isFalse();
        assertThat(WebhookSigner.verify(List.of(secret), ID, ts, BODY, header, Instant.ofEpochSecond(TS - 301))).isFalse();
        Instant now = Instant.ofEpochSecond(TS);
        assertThat(WebhookSigner.verify(List.of(secret), ID, ts, "{\"test\": 1}".getBytes(StandardCharsets.UTF_8), header, now)).isFalse();
        assertThat(WebhookSigner.verify(List.of(secret), "msg_other", ts, BODY, header, now)).isFalse();
        assertThat(WebhookSigner.verify(List.of(secret), ID, Long.toString(TS + 1), BODY, header, now)).isFalse();
        assertThat(WebhookSigner.verify(List.of(secret), ID, "soon", BODY, header, now)).isFalse();
        // An unknown version next to a good signature does not hide it.
        assertThat(WebhookSigner.verify(List.of(secret), ID, ts, BODY, "v1a,AAAA " + header, now)).isTrue();
    }

    @Test
    void noSecretNoSignature() {
        assertThatThrownBy(() -> WebhookSigner.signatureHeader(List.of(), ID, TS, BODY)).isInstanceOf(IllegalArgumentException.class);
    }
}
