package cn.qingfeng.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qingfeng.common.problem.ProblemException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Periods of the office's calendar, without the application. */
class StatisticsPeriodTest {

    @Test
    void eachKindHasItsDaysAndItsPreviousPeriod() {
        StatisticsPeriod h1 = StatisticsPeriod.parse("2026H1");
        assertThat(h1.from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(h1.to()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(h1.previous().code()).isEqualTo("2025H2");
        assertThat(StatisticsPeriod.parse("2026H2").previous().code()).isEqualTo("2026H1");
        assertThat(StatisticsPeriod.parse("2026Q1").previous().code()).isEqualTo("2025Q4");
        assertThat(StatisticsPeriod.parse("2026Q3").to()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(StatisticsPeriod.parse("2024-02").to()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(StatisticsPeriod.parse("2026-01").previous().code()).isEqualTo("2025-12");
        assertThat(StatisticsPeriod.parse("2026").previous().code()).isEqualTo("2025");
        StatisticsPeriod range = StatisticsPeriod.of(null, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 10), LocalDate.now());
        assertThat(range.previous().from()).isEqualTo(LocalDate.of(2026, 2, 19));
        assertThat(range.previous().to()).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void theCurrentHalfYearIsTheDefault() {
        assertThat(StatisticsPeriod.of(null, null, null, LocalDate.of(2026, 6, 30)).code()).isEqualTo("2026H1");
        assertThat(StatisticsPeriod.of(null, null, null, LocalDate.of(2026, 7, 1)).code()).isEqualTo("2026H2");
    }

    @Test
    void theWordsAreTheReportsOwn() {
        assertThat(StatisticsPeriod.parse("2026H1").words()).isEqualTo("2026年上半年");
        assertThat(StatisticsPeriod.parse("2026Q4").words()).isEqualTo("2026年第四季度");
        assertThat(StatisticsPeriod.parse("2026-05").words()).isEqualTo("2026年5月");
        assertThat(StatisticsPeriod.parse("2026").words()).isEqualTo("2026年");
    }

    @Test
    void monthsAreCutToThePeriod() {
        StatisticsPeriod r = StatisticsPeriod.of(null, LocalDate.of(2026, 1, 20), LocalDate.of(2026, 3, 5), LocalDate.now());
        assertThat(r.months()).extracting(m -> m[0] + "~" + m[1])
                .containsExactly("2026-01-20~2026-01-31", "2026-02-01~2026-02-28", "2026-03-01~2026-03-05");
    }

    @Test
    void badCodesAreRefused() {
        for (String bad : new String[] {"2026Q0", "2026H3", "2026-00", "3000", "26H1", ""}) {
            assertThatThrownBy(() -> StatisticsPeriod.parse(bad)).isInstanceOf(ProblemException.class);
        }
    }
}
