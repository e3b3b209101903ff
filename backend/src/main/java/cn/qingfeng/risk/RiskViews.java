package cn.qingfeng.risk;

import cn.qingfeng.common.ledger.AllowedAction;
import cn.qingfeng.measure.MeasureView;
import cn.qingfeng.common.warning.Warning;
import cn.qingfeng.common.web.Versioned;
import cn.qingfeng.risk.RiskEnums.Basis;
import cn.qingfeng.risk.RiskEnums.Category;
import cn.qingfeng.risk.RiskEnums.GradingSource;
import cn.qingfeng.risk.RiskEnums.Level;
import cn.qingfeng.risk.RiskEnums.ObligationKind;
import cn.qingfeng.risk.RiskEnums.ObligationState;
import cn.qingfeng.risk.RiskEnums.ReviewCycle;
import cn.qingfeng.risk.RiskEnums.Status;
import cn.qingfeng.unit.UnitRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Representations of the risk ledger. */
public final class RiskViews {

    private RiskViews() {
    }

    @Schema(name = "Risk")
    public record RiskView(
            UUID id,
            @Schema(example = "FX-2026-0001") String code,
            String name,
            Category category,
            @Schema(description = "表现形式") String manifestation,
            UnitRef unit,
            @Schema(description = "第一责任人") String responsibleLeader,
            String responsiblePerson,
            @Schema(description = "1–5; absent until graded") Integer likelihood,
            Integer impact,
            Integer score,
            Level level,
            @Schema(description = "The matrix version the current grade was computed with") Integer matrixVersion,
            @Schema(description = "A newer matrix exists; re-grading is an explicit act") boolean matrixOutdated,
            Integer residualLikelihood,
            Integer residualImpact,
            Integer residualScore,
            Level residualLevel,
            Instant gradedAt,
            Status status,
            @Schema(description = "The cycle in force: the risk's own, else the default of its level") ReviewCycle reviewCycle,
            @Schema(description = "Set when the risk has its own cycle") ReviewCycle reviewCycleOverride,
            LocalDate nextReviewOn,
            LocalDate lastReviewedOn,
            @Schema(description = "Traffic light of the next review; RED is a missed review") Warning reviewWarning,
            @Schema(description = "When an open report to the bureau is due (重大 risks)") Instant reportDueAt,
            String externalSource,
            String externalRef,
            String closedReason,
            String createdByName,
            Instant createdAt,
            Instant updatedAt,
            long version,
            @Schema(description = "What the caller may do with the risk now") List<AllowedAction> allowedActions) implements Versioned {
    }

    @Schema(name = "RiskDetail", description = "A risk with its measures, grading history, reviews, reports and obligations")
    public record RiskDetail(RiskView risk, List<MeasureView> measures, List<RiskGradingView> gradings,
                             List<RiskReviewView> reviews, List<RiskReportView> reports,
                             List<RiskObligationView> obligations) implements Versioned {
        @Override
        public long version() {
            return risk.version();
        }
    }

    @Schema(name = "RiskGrading", description = "One grading; the previous grade shows what changed")
    public record RiskGradingView(UUID id, GradingSource source, int likelihood, int impact, int score, Level level,
                                  Integer residualLikelihood, Integer residualImpact, Integer residualScore,
                                  Level residualLevel, int matrixVersion, Level previousLevel, Integer previousScore,
                                  Integer previousMatrixVersion, String reason, UUID reviewId, String gradedByName,
                                  Instant gradedAt) {
    }

    @Schema(name = "RiskLink", description = "A rectification item or task opened from a review")
    public record LinkView(@Schema(example = "rectification") String type, UUID id, String code, String title, String status) {
    }

    @Schema(name = "RiskReview")
    public record RiskReviewView(UUID id, UUID riskId, LocalDate reviewedOn,
                                 @Schema(description = "The review date this review answered") LocalDate dueOn,
                                 @Schema(description = "Recorded by the end of its due day") Boolean onTime,
                                 String participants, String conclusion, Level levelBefore, Level levelAfter,
                                 String reviewedByName, Instant createdAt, List<LinkView> links) {
    }

    @Schema(name = "RiskReport")
    public record RiskReportView(UUID id, UUID riskId, UUID obligationId, String recipient, String documentNo, String content,
                                 String reportedByName, Instant createdAt) {
    }

    @Schema(name = "RiskRef")
    public record RiskRef(UUID id, String code, String name, Level level) {
    }

    @Schema(name = "RiskObligation", description = "A review or report that was due, and whether it was done on time")
    public record RiskObligationView(UUID id, RiskRef risk, UnitRef unit, ObligationKind kind, LocalDate dueOn,
                                     Instant dueAt, ObligationState state, Instant fulfilledAt, String fulfilledByName,
                                     Instant cancelledAt, String cancelReason) {
    }

    @Schema(name = "RiskObligationCount")
    public record ObligationCount(UnitRef unit, ObligationKind kind, long met, long late, long missing, long pending) {
    }

    @Schema(name = "RiskObligationSummary", description = "Per unit and kind: due in the period and how it was done")
    public record ObligationSummary(LocalDate from, LocalDate to, List<ObligationCount> units, long met, long late,
                                    long missing, long pending) {
    }

    @Schema(name = "RiskHeatCell")
    public record HeatCell(int likelihood, int impact, int score,
                           @Schema(description = "Level of the cell under the current matrix") Level level, long count) {
    }

    @Schema(name = "RiskHeatmap", description = "Risks per likelihood × impact cell, within scope and filters")
    public record Heatmap(Basis basis, int matrixVersion, List<HeatCell> cells, long total,
                          @Schema(description = "Risks matching the filters without this grading") long ungraded) {
    }

    @Schema(name = "RiskMatrix", description = "A version of the scoring matrix; score = likelihood × impact")
    public record MatrixView(int version, List<String> likelihoodLabels, List<String> impactLabels, int majorMin,
                             int significantMin, int generalMin, Map<String, String> colours, String note,
                             String createdByName, Instant createdAt,
                             @Schema(description = "The 25 cells with their level") List<HeatCell> cells,
                             @Schema(description = "Default review cycle per level (configuration)") Map<String, ReviewCycle> reviewCycles) {
    }
}
