package cn.qingfeng.task;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.task.TaskEnums.Recurrence;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodsTest {

    @Test
    void periodsFollowTheCalendar() {
        LocalDate thursday = LocalDate.of(2026, 11, 26);
        assertThat(Periods.startContaining(Recurrence.WEEKLY, thursday)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(Periods.end(Recurrence.WEEKLY, LocalDate.of(2026, 11, 23))).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(Periods.startContaining(Recurrence.MONTHLY, thursday)).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(Periods.end(Recurrence.MONTHLY, LocalDate.of(2026, 2, 1))).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(Periods.startContaining(Recurrence.QUARTERLY, thursday)).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(Periods.end(Recurrence.QUARTERLY, LocalDate.of(2026, 10, 1))).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(Periods.startContaining(Recurrence.HALF_YEARLY, LocalDate.of(2026, 6, 30))).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(Periods.startContaining(Recurrence.HALF_YEARLY, LocalDate.of(2026, 7, 1))).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(Periods.next(Recurrence.HALF_YEARLY, LocalDate.of(2026, 7, 1))).isEqualTo(LocalDate.of(2027, 1, 1));
    }
}
