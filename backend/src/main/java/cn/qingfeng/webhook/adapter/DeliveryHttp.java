package cn.qingfeng.webhook.adapter;

import cn.qingfeng.webhook.adapter.DeliveryResult.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One delivery attempt over HTTP, shared by every adapter: it sends with the target's client and
 * per-request timeout, reads at most {@link #MAX_BODY} bytes of each answer, adds up the latency of
 * all requests of the attempt, and turns the last answer into a {@link DeliveryResult}:
 * <ul>
 *   <li>2xx → DELIVERED, unless the receiver's body says it failed ({@link BodyCheck});</li>
 *   <li>410 → GONE (the subscription is disabled);</li>
 *   <li>any other status, a timeout or a connection error → RETRY, with {@code Retry-After}
 *       (delta-seconds or HTTP-date) when the receiver gave one.</li>
 * </ul>
 * Redirects are never followed: the dispatcher's client is built that way, and a 3xx is a RETRY
 * like any other non-2xx answer.
 */
public final class DeliveryHttp {

    /** Names the sender to receivers' logs and firewalls. */
    public static final String USER_AGENT = "Qingfeng-Webhooks/1.0 (+qingfeng)";
    /** An answer longer than this is cut: we keep an excerpt and parse small OA answers, nothing more. */
    static final int MAX_BODY = 64 * 1024;
    /** Past the request timeout (which covers the headers) the body gets this long to arrive. */
    private static final long BODY_GRACE_MS = 500;

    /** What a 2xx answer's body says: DELIVERED, REJECTED (the OA refused it) or RETRY (unreadable). */
    @FunctionalInterface
    public interface BodyCheck {
        Outcome check(String body);

        BodyCheck ANY = body -> Outcome.DELIVERED;
    }

    /** One answered request. */
    public record Answer(int status, HttpHeaders headers, String body) {
        public boolean is2xx() {
            return status >= 200 && status < 300;
        }
    }

    private final Target target;
    private final Clock clock;
    private long nanos;
    private int lastStatus;

    public DeliveryHttp(Target target, Clock clock) {
        this.target = target;
        this.clock = clock;
    }

    /**
     * Sends one request of this attempt. Throws on a timeout or an unreachable receiver; the
     * caller hands the exception to {@link #failed(Exception)}.
     */
    public Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.timeout(target.timeout()).setHeader("User-Agent", USER_AGENT).build();
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<String>> future = target.http().sendAsync(built, info -> new Bounded(charset(info.headers())));
        try {
            HttpResponse<String> r = future.get(target.timeout().toMillis() + BODY_GRACE_MS, TimeUnit.MILLISECONDS);
            lastStatus = r.statusCode();
            return new Answer(r.statusCode(), r.headers(), r.body() == null ? "" : r.body());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + target.timeout().toMillis() + " ms");
        } finally {
            nanos += System.nanoTime() - started;
        }
    }

    /** Time spent in all requests of this attempt so far. */
    public long latencyMs() {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /** The result of an attempt whose last request was answered. */
    public DeliveryResult result(Answer answer, BodyCheck bodyCheck) {
        String excerpt = DeliveryResult.excerpt(answer.body());
        if (answer.is2xx()) {
            Outcome o = bodyCheck.check(answer.body());
            return new DeliveryResult(o, answer.status(), latencyMs(), excerpt, null);
        }
        if (answer.status() == 410) {
            return new DeliveryResult(Outcome.GONE, answer.status(), latencyMs(), excerpt, null);
        }
        Duration retryAfter = retryAfter(answer.headers().firstValue("Retry-After").orElse(null), clock.instant());
        return new DeliveryResult(Outcome.RETRY, answer.status(), latencyMs(), excerpt, retryAfter);
    }

    /** The result of an attempt that failed before an answer: a timeout, a refused connection, … */
    public DeliveryResult failed(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        DeliveryResult r = DeliveryResult.unreachable(latencyMs(), e);
        return lastStatus == 0 ? r : new DeliveryResult(r.outcome(), lastStatus, r.latencyMs(), r.responseExcerpt(), null);
    }

    /** A result decided by the adapter itself after answered requests (e.g. an unusable token answer). */
    public DeliveryResult outcome(Outcome outcome, int status, String excerpt) {
        return new DeliveryResult(outcome, status, latencyMs(), DeliveryResult.excerpt(excerpt), null);
    }

    /**
     * {@code Retry-After} as RFC 9110 §10.2.3 defines it: delta-seconds or an HTTP-date; a date in
     * the past means "now" (zero); anything unparseable is ignored (null).
     */
    public static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return null; // absurdly large
            }
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Charset charset(HttpHeaders headers) {
        String ct = headers.firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        int i = ct.indexOf("charset=");
        if (i >= 0) {
            String name = ct.substring(i + 8).split("[;\\s]")[0].replace("\"", "");
            try {
                return Charset.forName(name);
            } catch (RuntimeException e) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** Collects at most {@link #MAX_BODY} bytes, then stops reading: a receiver cannot make us buffer gigabytes. */
    private static final class Bounded implements HttpResponse.BodySubscriber<String> {
        private final CompletableFuture<String> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Charset charset;
        private Flow.Subscription subscription;

        Bounded(Charset charset) {
            this.charset = charset;
        }

        @Override
        public CompletionStage<String> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                int n = Math.min(b.remaining(), MAX_BODY - bytes.size());
                if (n > 0) {
                    byte[] chunk = new byte[n];
                    b.get(chunk);
                    bytes.write(chunk, 0, n);
                }
            }
            if (bytes.size() >= MAX_BODY && !body.isDone()) {
                subscription.cancel();
                onComplete();
            }
        }

        @Override
        public void onError(Throwable t) {
            body.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            body.complete(new String(bytes.toByteArray(), charset));
        }
    }
}
