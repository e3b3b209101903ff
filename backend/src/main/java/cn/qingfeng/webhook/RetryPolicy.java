package cn.qingfeng.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: the configured schedule (about three days in all), each
 * delay jittered by ±10 % so a receiver coming back is not hit by every retry at once; a receiver's
 * {@code Retry-After} replaces the scheduled delay (within 1 s … 24 h). Empty: no retries left.
 */
public final class RetryPolicy {

    static final Duration MIN_RETRY_AFTER = Duration.ofSeconds(1);
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    private final List<Duration> schedule;
    private final DoubleSupplier random;

    public RetryPolicy(List<Duration> schedule, DoubleSupplier random) {
        this.schedule = List.copyOf(schedule);
        this.random = random;
    }

    /**
     * @param failedAttempts attempts made so far, all failed (≥ 1)
     * @param retryAfter     the receiver's Retry-After, or null
     */
    public Optional<Instant> next(int failedAttempts, Instant now, Duration retryAfter) {
        if (failedAttempts > schedule.size()) {
            return Optional.empty();
        }
        if (retryAfter != null) {
            Duration d = retryAfter.compareTo(MIN_RETRY_AFTER) < 0 ? MIN_RETRY_AFTER
                    : retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
            return Optional.of(now.plus(d));
        }
        Duration base = schedule.get(failedAttempts - 1);
        long jitterMillis = Math.round(base.toMillis() * 0.2 * (random.getAsDouble() - 0.5));
        return Optional.of(now.plus(base).plusMillis(jitterMillis));
    }

    public int retries() {
        return schedule.size();
    }
}
