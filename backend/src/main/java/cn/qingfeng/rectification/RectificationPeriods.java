package cn.qingfeng.rectification;

import java.time.LocalDate;

/** The reporting periods of ongoing items: MONTHLY, QUARTERLY or HALF_YEARLY. */
final class RectificationPeriods {

    private RectificationPeriods() {
    }

    static LocalDate start(String period, LocalDate day) {
        return switch (period) {
            case "MONTHLY" -> day.withDayOfMonth(1);
            case "QUARTERLY" -> LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
            case "HALF_YEARLY" -> LocalDate.of(day.getYear(), day.getMonthValue() <= 6 ? 1 : 7, 1);
            default -> throw new IllegalArgumentException("unknown period " + period);
        };
    }

    /** The first day of the period after the one containing {@code day}. */
    static LocalDate next(String period, LocalDate day) {
        LocalDate start = start(period, day);
        return switch (period) {
            case "MONTHLY" -> start.plusMonths(1);
            case "QUARTERLY" -> start.plusMonths(3);
            case "HALF_YEARLY" -> start.plusMonths(6);
            default -> throw new IllegalArgumentException("unknown period " + period);
        };
    }
}
