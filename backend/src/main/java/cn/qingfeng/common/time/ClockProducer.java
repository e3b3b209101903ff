package cn.qingfeng.common.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;

/** The one source of time. Deadlines are calendar dates in Asia/Shanghai; tests replace the clock. */
@ApplicationScoped
public class ClockProducer {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.system(ZONE);
    }
}
