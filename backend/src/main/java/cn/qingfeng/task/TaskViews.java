package cn.qingfeng.task;

import cn.qingfeng.common.ledger.AllowedAction;
import cn.qingfeng.common.origin.OriginRef;
import cn.qingfeng.common.warning.Warning;
import cn.qingfeng.common.web.Versioned;
import cn.qingfeng.task.TaskEnums.AssignmentRole;
import cn.qingfeng.task.TaskEnums.AssignmentStatus;
import cn.qingfeng.task.TaskEnums.Category;
import cn.qingfeng.task.TaskEnums.Priority;
import cn.qingfeng.task.TaskEnums.Recurrence;
import cn.qingfeng.task.TaskEnums.Status;
import cn.qingfeng.unit.UnitRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Representations of the tasks ledger. */
public final class TaskViews {

    private TaskViews() {
    }

    @Schema(name = "Task")
    public record TaskView(
            UUID id,
            @Schema(example = "RW-2026-0001") String code,
            String title,
            Category category,
            String description,
            @Schema(description = "Basis, e.g. an OA document number (文号)") String basis,
            String externalSource,
            String externalRef,
            Priority priority,
            @Schema(description = "Calendar date in Asia/Shanghai") LocalDate deadline,
            UnitRef issuingUnit,
            Status status,
            Recurrence recurrence,
            @Schema(description = "The recurring task this is a period of") UUID templateId,
            TaskEnums.Origin originType,
            UUID originId,
            @Schema(description = "The origin resolved for a link; null when none or not visible to the caller") OriginRef origin,
            LocalDate periodStart,
            LocalDate periodEnd,
            String createdByName,
            Instant issuedAt,
            Instant cancelledAt,
            String cancelReason,
            Instant completedAt,
            @Schema(description = "Traffic light of the task as a whole (issued or completed tasks)") Warning warning,
            Instant createdAt,
            Instant updatedAt,
            long version,
            @Schema(description = "What the caller may do with the task now") List<AllowedAction> allowedActions) implements Versioned {
    }

    @Schema(name = "TaskDetail", description = "A task with the assignments the caller may see")
    public record TaskDetail(TaskView task, List<AssignmentView> assignments) implements Versioned {
        @Override
        public long version() {
            return task.version();
        }
    }

    @Schema(name = "Assignment")
    public record AssignmentView(
            UUID id,
            UUID taskId,
            String taskCode,
            String taskTitle,
            Category taskCategory,
            UnitRef unit,
            AssignmentRole role,
            AssignmentStatus status,
            LocalDate deadline,
            @Schema(description = "GREEN / YELLOW / RED while open; ON_TIME / LATE when done") Warning warning,
            Instant acceptedAt,
            Instant submittedAt,
            Instant completedAt,
            Boolean completedOnTime,
            int returnedCount,
            String returnReason,
            Instant escalatedAt,
            @Schema(description = "Urges not yet answered") long openUrges,
            long version,
            @Schema(description = "What the caller may do with the assignment now") List<AllowedAction> allowedActions) implements Versioned {
    }

    @Schema(name = "TaskStatusSummary", description = "Where a task stands, for an outside system to show (the OA): "
            + "each unit's assignment in the caller's scope, its light and whether it was done on time. Labels are zh-CN.")
    public record StatusSummary(
            UUID id,
            @Schema(example = "RW-2026-0001") String code,
            String title,
            String externalSource,
            @Schema(description = "E.g. the OA document number (文号) the task was created from") String externalRef,
            Status status,
            @Schema(example = "已下发") String statusLabel,
            LocalDate deadline,
            @Schema(description = "Every unit's part is done (已完成)") boolean completed,
            @Schema(description = "Once completed: every unit submitted by its deadline; null while open or when cancelled") Boolean doneOnTime,
            List<AssignmentStatusSummary> assignments) {
    }

    @Schema(name = "AssignmentStatusSummary", description = "One unit's part of a task, as the task's status shows it")
    public record AssignmentStatusSummary(
            UUID assignmentId,
            UUID unitId,
            String unitCode,
            String unitName,
            AssignmentRole role,
            @Schema(example = "牵头") String roleLabel,
            AssignmentStatus status,
            @Schema(example = "办理中") String statusLabel,
            @Schema(description = "GREEN, YELLOW (due soon) or RED (overdue) while open; absent once done or cancelled, "
                    + "or without a deadline") Warning warning,
            LocalDate deadline,
            @Schema(description = "Once done: submitted by the deadline; null while open") Boolean doneOnTime,
            Instant submittedAt,
            Instant completedAt) {
    }

    @Schema(name = "TaskProgress")
    public record ProgressView(UUID id, UUID assignmentId, LocalDate reportedOn, String content, Integer percent,
                               String reportedByName, Instant createdAt) {
    }

    @Schema(name = "TaskRecord", description = "An execution record (工作记录)")
    public record RecordView(UUID id, UUID assignmentId, UUID unitId, Category category, LocalDate heldOn, String topic,
                             int participantCount, String participants, String place, String notes,
                             String recordedByName, Instant createdAt) {
    }

    @Schema(name = "TaskUrge")
    public record UrgeView(UUID id, UUID assignmentId, String message, String urgedByName, Instant urgedAt,
                           String reply, String repliedByName, Instant repliedAt) {
    }

    @Schema(name = "RecordCount", description = "Execution records counted by category and unit")
    public record RecordCount(Category category, UnitRef unit, long records, long participants) {
    }
}
