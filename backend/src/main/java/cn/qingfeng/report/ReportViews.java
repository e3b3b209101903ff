package cn.qingfeng.report;

import cn.qingfeng.common.web.Versioned;
import cn.qingfeng.statistics.StatisticsViews.Drill;
import cn.qingfeng.statistics.StatisticsViews.DrillList;
import cn.qingfeng.statistics.StatisticsViews.PeriodView;
import cn.qingfeng.unit.UnitRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The half-year report's representations. */
public final class ReportViews {

    private ReportViews() {
    }

    /** Which of the report's three parts a section belongs to (INTRO: the opening paragraph). */
    @Schema(name = "ReportPart")
    public enum Part { INTRO, WORK, PROBLEMS, RISKS }

    @Schema(name = "ReportSection", description = "One paragraph of the report, as drafted and as edited")
    public record Section(String key, Part part,
                          @Schema(description = "The paragraph's lead, e.g. （一）强化理论武装，筑牢政治忠诚。") String heading,
                          @Schema(description = "The text that is exported: the author's, once edited") String text,
                          @Schema(description = "The text drafted from the latest figures") String generated,
                          boolean edited,
                          @Schema(description = "The figures the drafted text states") List<String> figureKeys) {
        Section withText(String newText) {
            return new Section(key, part, heading, newText, generated, !newText.equals(generated), figureKeys);
        }
    }

    @Schema(name = "ReportSource", description = "A record a figure counted or a paragraph lists")
    public record Source(DrillList list, UUID id, String code, String title,
                         @Schema(description = "The record the page of this one lives on (an assignment's or record's task)") UUID parentId) {
    }

    @Schema(name = "ReportFigure", description = "A number the report states, with the records it came from")
    public record Figure(String key, String label, long value,
                         @Schema(description = "The value before the last refresh, when the refresh changed it") Long previousValue,
                         boolean changed, Drill drill,
                         @Schema(description = "Up to 50 of the records counted; the drill lists them all") List<Source> sources) {
    }

    @Schema(name = "Report")
    public record ReportView(UUID id, String title, PeriodView period, UnitRef unit, List<Section> sections,
                             List<Figure> figures, Instant figuresAt, long version, String createdByName, Instant createdAt,
                             String updatedByName, Instant updatedAt) implements Versioned {
    }

    @Schema(name = "ReportSummary")
    public record ReportSummary(UUID id, String title, String periodCode, UnitRef unit, long version, String createdByName,
                                Instant createdAt, String updatedByName, Instant updatedAt) {
    }

    @Schema(name = "ReportRevisionReason")
    public enum Reason { GENERATED, EDITED, REFRESHED }

    @Schema(name = "ReportRevision", description = "One saved state of the report")
    public record Revision(long version, Reason reason, String title, List<Section> sections, String byName, Instant at) {
    }

    @Schema(name = "ReportTemplateInfo")
    public record TemplateInfo(boolean custom, String fileName, String uploadedByName, Instant uploadedAt,
                               @Schema(description = "The placeholders the template may use") List<String> placeholders) {
    }
}
