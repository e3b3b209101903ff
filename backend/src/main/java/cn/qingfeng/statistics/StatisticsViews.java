package cn.qingfeng.statistics;

import cn.qingfeng.unit.UnitRef;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the statistics API answers. Labels are the SPA's (by key and dims); the report words its own. */
public final class StatisticsViews {

    private StatisticsViews() {
    }

    /** The list a figure is drawn from. */
    @Schema(name = "DrillList")
    public enum DrillList { ASSIGNMENTS, RECORDS, RECTIFICATIONS, RISKS, OBLIGATIONS }

    @Schema(name = "Drill", description = "The list query that yields exactly the records a figure counts: "
            + "GET /api/v1/{list} with these query parameters answers total = the figure's value")
    public record Drill(DrillList list, Map<String, String> query) {
    }

    @Schema(name = "Figure", description = "One counted number. key names it (e.g. tasks.issued, records.STUDY, "
            + "rect.status.CLOSED, warn.assignments.RED); dims carry its breakdown (unitId, month, category …)")
    public record Figure(String key, long value,
                         @Schema(description = "The same figure for the previous period, where a trend is shown") Long previous,
                         Map<String, String> dims, Drill drill) {
    }

    @Schema(name = "Rate", description = "numerator / denominator, both figures of the same answer; 0 when the denominator is 0")
    public record Rate(String key, double value, String numerator, String denominator) {
    }

    @Schema(name = "StatisticsPeriod")
    public record PeriodView(String code, StatisticsPeriod.Kind kind, LocalDate from, LocalDate to, String words,
                             String previousCode, LocalDate previousFrom, LocalDate previousTo) {
        public static PeriodView of(StatisticsPeriod p) {
            StatisticsPeriod prev = p.previous();
            return new PeriodView(p.code(), p.kind(), p.from(), p.to(), p.words(), prev.code(), prev.from(), prev.to());
        }
    }

    @Schema(name = "Statistics", description = "Figures of a period for a unit and the units below it, within the caller's scope")
    public record Statistics(PeriodView period,
                             @Schema(description = "The unit whose subtree is counted; absent: every unit in scope") UnitRef unit,
                             List<Figure> figures, List<Rate> rates, Map<String, UnitRef> units) {
    }
}
