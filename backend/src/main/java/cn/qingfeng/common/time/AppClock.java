package cn.qingfeng.common.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The one source of time: the system clock, which end-to-end tests may move forward when
 * {@code qingfeng.clock.adjustable} is on (see {@code ClockResource}). Deadlines are calendar
 * dates in Asia/Shanghai; backend tests replace this bean with their own clock.
 */
@ApplicationScoped
@DefaultBean
public class AppClock extends ShiftableClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private volatile Duration offset = Duration.ZERO;

    /** How far the clock runs ahead of real time. */
    public Duration offset() {
        return offset;
    }

    /** Sets how far the clock runs ahead of real time; only the testing endpoint calls this. */
    public void offset(Duration offset) {
        this.offset = offset;
    }

    @Override
    protected Instant current() {
        return Instant.now().plus(offset);
    }
}
