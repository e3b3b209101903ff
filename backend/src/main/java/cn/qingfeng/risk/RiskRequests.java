package cn.qingfeng.risk;

import cn.qingfeng.common.input.InputRules;
import cn.qingfeng.measure.MeasureRequests;
import cn.qingfeng.risk.RiskEnums.Category;
import cn.qingfeng.risk.RiskEnums.ReviewCycle;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the risk ledger. */
public final class RiskRequests {

    private RiskRequests() {
    }

    @Schema(name = "CreateRisk")
    public record Create(
            @NotBlank @Size(max = 200) String name,
            @NotNull Category category,
            @Size(max = 10000) @Schema(description = "表现形式") String manifestation,
            @NotNull UUID unitId,
            @Size(max = 100) @Schema(description = "第一责任人") String responsibleLeader,
            @Size(max = 100) String responsiblePerson,
            @Schema(description = "The risk's own review cycle; absent: the default of its level") ReviewCycle reviewCycle,
            @Size(max = 40) String externalSource,
            @Size(max = 100) String externalRef,
            @Schema(description = "Control measures to start with") @Size(max = 100) List<MeasureRequests.@Valid @NotNull Add> measures) {
    }

    @Schema(name = "UpdateRisk", description = "Fields to change; absent fields stay")
    public record Update(@Size(min = 1, max = 200) @Pattern(regexp = InputRules.NOT_BLANK, message = "不能为空") String name, Category category, @Size(max = 10000) String manifestation,
                         @Size(max = 100) String responsibleLeader, @Size(max = 100) String responsiblePerson,
                         @Schema(description = "The risk's own review cycle") ReviewCycle reviewCycle,
                         @Schema(description = "true: drop the risk's own cycle, use its level's default") Boolean defaultReviewCycle) {
    }

    @Schema(name = "GradeRisk", description = "Likelihood and impact 1–5, before (inherent) and optionally after controls (residual)")
    public record Grade(@NotNull @Min(1) @Max(5) Integer likelihood, @NotNull @Min(1) @Max(5) Integer impact,
                        @Min(1) @Max(5) Integer residualLikelihood, @Min(1) @Max(5) Integer residualImpact,
                        @Size(max = 1000) String reason) {
    }

    @Schema(name = "RiskReason")
    public record Reason(@NotBlank @Size(max = 1000) String reason) {
    }

    @Schema(name = "CreateRiskReview", description = "A review (研判); a new likelihood/impact changes the grade")
    public record Review(
            @NotNull LocalDate reviewedOn,
            @NotBlank @Size(max = 1000) String participants,
            @NotBlank @Size(max = 10000) String conclusion,
            @Min(1) @Max(5) Integer likelihood,
            @Min(1) @Max(5) Integer impact,
            @Min(1) @Max(5) Integer residualLikelihood,
            @Min(1) @Max(5) Integer residualImpact,
            @Schema(description = "New control measures decided by the review") @Size(max = 100) List<MeasureRequests.@Valid @NotNull Add> newMeasures,
            @Schema(description = "Measures the review found done") @Size(max = 500) List<@NotNull UUID> doneMeasureIds) {
    }

    @Schema(name = "CreateRiskReport", description = "A report of the risk to the bureau")
    public record Report(@NotBlank @Size(max = 200) String recipient, @Size(max = 100) String documentNo,
                         @NotBlank @Size(max = 10000) String content) {
    }

    @Schema(name = "CreateRiskMatrix", description = "A new version of the scoring matrix")
    public record Matrix(
            @NotNull @Size(min = 5, max = 5) List<@NotBlank @Size(max = 20) String> likelihoodLabels,
            @NotNull @Size(min = 5, max = 5) List<@NotBlank @Size(max = 20) String> impactLabels,
            @NotNull @Min(2) @Max(25) Integer majorMin,
            @NotNull @Min(2) @Max(25) Integer significantMin,
            @NotNull @Min(2) @Max(25) Integer generalMin,
            @Schema(description = "Colour per level (MAJOR, SIGNIFICANT, GENERAL, LOW) as #rrggbb; absent: the current ones")
            Map<String, @NotNull @jakarta.validation.constraints.Pattern(regexp = "#[0-9a-fA-F]{6}") String> colours,
            @Size(max = 500) String note) {
    }
}
