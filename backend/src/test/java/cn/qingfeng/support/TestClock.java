package cn.qingfeng.support;

import cn.qingfeng.common.time.ShiftableClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** The application's clock in tests: real time, shifted by what a test asks for. */
@ApplicationScoped
public class TestClock extends ShiftableClock {

    private volatile Duration offset = Duration.ZERO;

    public void shift(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    protected Instant current() {
        return Instant.now().plus(offset);
    }
}
