package cn.qingfeng.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    static final List<Duration> SCHEDULE = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(14), Duration.ofHours(20), Duration.ofHours(24));
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void theDefaultScheduleSpansAboutThreeDays() {
        Duration total = SCHEDULE.stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(total).isBetween(Duration.ofDays(3), Duration.ofDays(3).plusHours(6));
    }

    @Test
    void delaysAreJitteredWithinTenPercent() {
        RetryPolicy low = new RetryPolicy(SCHEDULE, () -> 0.0);
        RetryPolicy high = new RetryPolicy(SCHEDULE, () -> 0.999999);
        for (int n = 1; n <= SCHEDULE.size(); n++) {
            long base = SCHEDULE.get(n - 1).toMillis();
            assertThat(Duration.between(NOW, low.next(n, NOW, null).orElseThrow()).toMillis()).isEqualTo(Math.round(base * 0.9));
            assertThat(Duration.between(NOW, high.next(n, NOW, null).orElseThrow()).toMillis()).isBetween(base, Math.round(base * 1.1));
        }
    }

    @Test
    void noRetryAfterTheLast() {
        assertThat(new RetryPolicy(SCHEDULE, () -> 0.5).next(SCHEDULE.size() + 1, NOW, null)).isEmpty();
        assertThat(new RetryPolicy(SCHEDULE, () -> 0.5).next(SCHEDULE.size() + 1, NOW, Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void retryAfterReplacesTheScheduledDelayWithinBounds() {
        RetryPolicy p = new RetryPolicy(SCHEDULE, () -> 0.5);
        assertThat(p.next(1, NOW, Duration.ofSeconds(120))).contains(NOW.plusSeconds(120));
        assertThat(p.next(1, NOW, Duration.ZERO)).contains(NOW.plusSeconds(1));
        assertThat(p.next(1, NOW, Duration.ofDays(9))).contains(NOW.plus(Duration.ofHours(24)));
    }
}
