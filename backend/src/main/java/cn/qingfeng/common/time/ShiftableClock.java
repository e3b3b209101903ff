package cn.qingfeng.common.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The application's time (Asia/Shanghai), which one piece of server work may set back for itself:
 * the demo stories are told through the services as of the days they happened ({@link #asOf}),
 * on their own thread, while every other thread keeps the current time.
 */
public abstract class ShiftableClock extends Clock {

    private static final ThreadLocal<Duration> BACK = new ThreadLocal<>();

    /** The time without a thread's setback: real time, or as a test or a test deployment moved it. */
    protected abstract Instant current();

    /** The time as it is for every other thread (without this thread's setback). */
    public Instant unshifted() {
        return current();
    }

    /** Runs {@code work} on this thread as if it were {@code moment}; time goes on from there. */
    public <T> T asOf(Instant moment, Supplier<T> work) {
        Duration before = BACK.get();
        BACK.set(Duration.between(moment, current()));
        try {
            return work.get();
        } finally {
            if (before == null) {
                BACK.remove();
            } else {
                BACK.set(before);
            }
        }
    }

    @Override
    public final Instant instant() {
        Duration back = BACK.get();
        Instant now = current();
        return back == null ? now : now.minus(back);
    }

    @Override
    public ZoneId getZone() {
        return AppClock.ZONE;
    }

    /** The same time in another zone (the setback included). */
    @Override
    public Clock withZone(ZoneId zone) {
        ShiftableClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }
}
