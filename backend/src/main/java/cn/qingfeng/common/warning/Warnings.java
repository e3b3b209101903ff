package cn.qingfeng.common.warning;

import cn.qingfeng.common.config.QingfengConfig;
import cn.qingfeng.common.time.AppClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The one warning mechanism: the colour of a deadline for display, and the same rule as a JPQL
 * condition so lists can filter by colour. Deadlines are calendar dates in Asia/Shanghai; an item
 * due today is yellow, not red.
 */
@ApplicationScoped
public class Warnings {

    @Inject
    Clock clock;

    @Inject
    QingfengConfig config;

    public LocalDate today() {
        return LocalDate.now(clock.withZone(AppClock.ZONE));
    }

    /** The calendar day (Asia/Shanghai) of an instant. */
    public static LocalDate dayOf(Instant instant) {
        return instant.atZone(AppClock.ZONE).toLocalDate();
    }

    /** Colour of an item that is still open. */
    public Warning open(LocalDate deadline) {
        if (deadline == null) {
            return Warning.NONE;
        }
        LocalDate today = today();
        if (deadline.isBefore(today)) {
            return Warning.RED;
        }
        return deadline.isAfter(today.plusDays(config.warnings().yellowDays())) ? Warning.GREEN : Warning.YELLOW;
    }

    /** Colour of an item that was closed at {@code closedAt}. */
    public static Warning closed(LocalDate deadline, Instant closedAt) {
        if (closedAt == null) {
            return Warning.NONE;
        }
        return deadline == null || !dayOf(closedAt).isAfter(deadline) ? Warning.ON_TIME : Warning.LATE;
    }

    /** A JPQL condition and the parameters it names. */
    public record Condition(String clause, java.util.Map<String, Object> params) {
    }

    /**
     * A JPQL condition selecting open items of one colour; {@code deadline} is the path of the
     * deadline, e.g. {@code e.deadline}. Same rule as {@link #open}.
     */
    public Condition condition(Warning colour, String deadline) {
        LocalDate today = today();
        LocalDate yellowUntil = today.plusDays(config.warnings().yellowDays());
        return switch (colour) {
            case RED -> new Condition(deadline + " < :warnToday", java.util.Map.of("warnToday", today));
            case YELLOW -> new Condition(deadline + " >= :warnToday and " + deadline + " <= :warnYellowUntil",
                    java.util.Map.of("warnToday", today, "warnYellowUntil", yellowUntil));
            case GREEN -> new Condition(deadline + " > :warnYellowUntil", java.util.Map.of("warnYellowUntil", yellowUntil));
            case NONE -> new Condition(deadline + " is null", java.util.Map.of());
            default -> throw new IllegalArgumentException("not an open colour: " + colour);
        };
    }
}
