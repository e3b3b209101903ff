package cn.qingfeng.task;

import cn.qingfeng.common.input.InputRules;
import cn.qingfeng.task.TaskEnums.AssignmentRole;
import cn.qingfeng.task.TaskEnums.Category;
import cn.qingfeng.task.TaskEnums.Priority;
import cn.qingfeng.task.TaskEnums.Recurrence;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the tasks ledger. */
public final class TaskRequests {

    private TaskRequests() {
    }

    @Schema(name = "CreateTask")
    public record Create(
            @NotBlank @Size(max = 200) String title,
            @NotNull Category category,
            @Size(max = 10000) String description,
            @Size(max = 200) String basis,
            @Size(max = 40) String externalSource,
            @Size(max = 100) String externalRef,
            Priority priority,
            LocalDate deadline,
            @Schema(description = "Issuing unit; defaults to the creator's unit") UUID issuingUnitId,
            @Schema(description = "NONE (default) or a cycle: each period gets its own instance") Recurrence recurrence,
            @Schema(description = "First period's start for a recurring task (default: this period)") LocalDate recurrenceStart,
            @Schema(description = "Where the task came from, e.g. a risk review (研判) that decided it") TaskEnums.Origin originType,
            UUID originId) {
    }

    @Schema(name = "UpdateTask", description = "Fields to change; absent fields stay. After issue, changes are journaled and a new deadline reaches the units.")
    public record Update(
            @Size(min = 1, max = 200) @jakarta.validation.constraints.Pattern(regexp = InputRules.NOT_BLANK, message = "不能为空") String title,
            @Size(max = 10000) String description,
            @Size(max = 200) String basis,
            Priority priority,
            LocalDate deadline,
            @Schema(description = "Only while a draft") Category category) {
    }

    @Schema(name = "TaskUnit")
    public record UnitAssignment(@NotNull UUID unitId, @NotNull AssignmentRole role) {
    }

    @Schema(name = "IssueTask")
    public record Issue(@NotEmpty @Size(max = 500) List<@Valid @NotNull UnitAssignment> units) {
    }

    @Schema(name = "Reason")
    public record Reason(@NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "Note")
    public record Note(@Size(max = 1000) String note) {
    }

    @Schema(name = "AddProgress")
    public record AddProgress(@NotNull LocalDate reportedOn, @NotBlank @Size(max = 5000) String content,
                              @Min(0) @Max(100) Integer percent) {
    }

    @Schema(name = "AddRecord")
    public record AddRecord(@NotNull LocalDate heldOn, @NotBlank @Size(max = 300) String topic,
                            @NotNull @Min(0) @Max(100000) Integer participantCount,
                            @Size(max = 5000) String participants, @Size(max = 200) String place,
                            @Size(max = 5000) String notes) {
    }

    @Schema(name = "Urge")
    public record Urge(@NotBlank @Size(max = 1000) String message) {
    }

    @Schema(name = "UrgeReply")
    public record Reply(@NotBlank @Size(max = 2000) String reply) {
    }
}
