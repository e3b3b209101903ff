package cn.qingfeng.webhook.adapter;

import java.time.Duration;

/**
 * What one delivery attempt came to.
 *
 * @param outcome         DELIVERED, SKIPPED (nothing to send for this event), RETRY (try again later), GONE (410: the
 *                        receiver wants no more; the subscription is disabled) or REJECTED (a permanent refusal: no retry)
 * @param statusCode      the HTTP status of the (last) request, 0 when none was answered
 * @param latencyMs       time from sending to the answer, over all requests of the attempt
 * @param responseExcerpt the first ≤ 1,000 characters of the answer's body, or the error text
 * @param retryAfter      the receiver's {@code Retry-After}, when it gave one
 */
public record DeliveryResult(Outcome outcome, int statusCode, long latencyMs, String responseExcerpt, Duration retryAfter) {

    public enum Outcome { DELIVERED, SKIPPED, RETRY, GONE, REJECTED }

    public static final int EXCERPT = 1000;

    public static DeliveryResult skipped(String why) {
        return new DeliveryResult(Outcome.SKIPPED, 0, 0, why, null);
    }

    public static DeliveryResult unreachable(long latencyMs, Throwable e) {
        return new DeliveryResult(Outcome.RETRY, 0, latencyMs, excerpt(e.getClass().getSimpleName() + ": " + e.getMessage()), null);
    }

    public static String excerpt(String body) {
        return body == null ? null : body.length() <= EXCERPT ? body : body.substring(0, EXCERPT);
    }

    public boolean delivered() {
        return outcome == Outcome.DELIVERED || outcome == Outcome.SKIPPED;
    }
}
