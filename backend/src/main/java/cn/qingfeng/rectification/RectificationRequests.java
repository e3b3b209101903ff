package cn.qingfeng.rectification;

import cn.qingfeng.common.input.InputRules;
import cn.qingfeng.measure.MeasureRequests;
import cn.qingfeng.rectification.RectificationEnums.Category;
import cn.qingfeng.rectification.RectificationEnums.Kind;
import cn.qingfeng.rectification.RectificationEnums.Origin;
import cn.qingfeng.rectification.RectificationEnums.Severity;
import cn.qingfeng.rectification.RectificationEnums.Source;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the rectification ledger. */
public final class RectificationRequests {

    private RectificationRequests() {
    }

    @Schema(name = "CreateRectification")
    public record Create(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 10000) String description,
            @NotNull Source source,
            @NotNull Category category,
            @NotNull Severity severity,
            @NotNull LocalDate foundOn,
            @NotNull UUID unitId,
            @Size(max = 100) String responsibleLeader,
            @Size(max = 100) String responsiblePerson,
            @NotNull Kind kind,
            @Schema(description = "Required for TIME_LIMITED") LocalDate deadline,
            @Size(max = 40) String externalSource,
            @Size(max = 100) String externalRef,
            Origin originType,
            UUID originId,
            @Size(max = 300) String originNote,
            @Schema(description = "Measures to start with") @Size(max = 100) List<MeasureRequests.@Valid @NotNull Add> measures) {
    }

    @Schema(name = "UpdateRectification", description = "Fields to change; absent fields stay")
    public record Update(@Size(min = 1, max = 200) @Pattern(regexp = InputRules.NOT_BLANK, message = "不能为空") String title,
                         @Size(max = 10000) String description,
                         Severity severity, Category category, @Size(max = 100) String responsibleLeader,
                         @Size(max = 100) String responsiblePerson, LocalDate deadline) {
    }

    @Schema(name = "RectificationProgressReport")
    public record AddProgress(@NotNull LocalDate reportedOn, @NotBlank @Size(max = 5000) String content) {
    }

    @Schema(name = "Verify", description = "The verifier's opinion and date (销号意见)")
    public record Verify(@NotBlank @Size(max = 2000) String opinion, @NotNull LocalDate verifiedOn) {
    }

    @Schema(name = "RectificationReason")
    public record Reason(@NotBlank @Size(max = 1000) String reason) {
    }
}
