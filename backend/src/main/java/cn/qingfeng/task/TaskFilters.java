package cn.qingfeng.task;

import cn.qingfeng.common.warning.Warning;
import cn.qingfeng.task.TaskEnums.AssignmentStatus;
import cn.qingfeng.task.TaskEnums.Category;
import cn.qingfeng.task.TaskEnums.Priority;
import cn.qingfeng.task.TaskEnums.Status;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the task and assignment lists. */
public final class TaskFilters {

    private TaskFilters() {
    }

    public static class Tasks {
        @QueryParam("status")
        public Status status;
        @QueryParam("category")
        public Category category;
        @QueryParam("priority")
        public Priority priority;
        @QueryParam("unitId")
        @Parameter(description = "Tasks issued to this unit")
        public UUID unitId;
        @QueryParam("warning")
        @Parameter(description = "GREEN, YELLOW or RED: issued tasks by their deadline")
        public Warning warning;
        @QueryParam("deadlineFrom")
        public LocalDate deadlineFrom;
        @QueryParam("deadlineTo")
        public LocalDate deadlineTo;
        @QueryParam("q")
        @Parameter(description = "Text in the code or the title")
        public String q;
        @QueryParam("templateId")
        @Parameter(description = "The instances of one recurring task")
        public UUID templateId;
        @QueryParam("externalSource")
        @Parameter(description = "Records registered from this source, e.g. OA")
        public String externalSource;
        @QueryParam("externalRef")
        @Parameter(description = "The source's own reference, e.g. the OA document number (exact match; with externalSource it is unique)")
        public String externalRef;
    }

    public static class Assignments {
        @QueryParam("status")
        public AssignmentStatus status;
        @QueryParam("open")
        @Parameter(description = "true: PENDING, IN_PROGRESS or SUBMITTED only")
        public Boolean open;
        @QueryParam("unitId")
        public UUID unitId;
        @QueryParam("subtree")
        @Parameter(description = "With unitId: the unit and every unit below it")
        public Boolean subtree;
        @QueryParam("taskId")
        public UUID taskId;
        @QueryParam("warning")
        @Parameter(description = "GREEN, YELLOW or RED: open assignments by their deadline; ON_TIME or LATE: finished ones")
        public Warning warning;
        @QueryParam("deadlineFrom")
        public LocalDate deadlineFrom;
        @QueryParam("deadlineTo")
        public LocalDate deadlineTo;
        @QueryParam("issuedFrom")
        @Parameter(description = "Issued to the unit on or after this day (Asia/Shanghai)")
        public LocalDate issuedFrom;
        @QueryParam("issuedTo")
        @Parameter(description = "Issued to the unit on or before this day (Asia/Shanghai)")
        public LocalDate issuedTo;
        @QueryParam("urgedFrom")
        @Parameter(description = "Urged (催办) at least once on or after this day (with urgedTo: within the days)")
        public LocalDate urgedFrom;
        @QueryParam("urgedTo")
        public LocalDate urgedTo;
        @QueryParam("escalatedFrom")
        @Parameter(description = "Escalated to the supervisors, overdue, on or after this day")
        public LocalDate escalatedFrom;
        @QueryParam("escalatedTo")
        public LocalDate escalatedTo;
    }

    /** Filters of the execution records (工作记录) across assignments. */
    public static class Records {
        @QueryParam("category")
        @Parameter(description = "The task category the record counts for (理论学习, 工作部署 …)")
        public Category category;
        @QueryParam("unitId")
        public UUID unitId;
        @QueryParam("subtree")
        @Parameter(description = "With unitId: the unit and every unit below it")
        public Boolean subtree;
        @QueryParam("heldFrom")
        public LocalDate heldFrom;
        @QueryParam("heldTo")
        public LocalDate heldTo;
        @QueryParam("q")
        @Parameter(description = "Text in the topic")
        public String q;
    }
}
