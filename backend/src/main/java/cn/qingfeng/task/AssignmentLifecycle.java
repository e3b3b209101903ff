package cn.qingfeng.task;

import static cn.qingfeng.common.security.Roles.SUPERVISOR;
import static cn.qingfeng.common.security.Roles.UNIT_OFFICER;
import static cn.qingfeng.task.TaskEnums.AssignmentStatus.CANCELLED;
import static cn.qingfeng.task.TaskEnums.AssignmentStatus.DONE;
import static cn.qingfeng.task.TaskEnums.AssignmentStatus.IN_PROGRESS;
import static cn.qingfeng.task.TaskEnums.AssignmentStatus.PENDING;
import static cn.qingfeng.task.TaskEnums.AssignmentStatus.SUBMITTED;

import cn.qingfeng.common.ledger.Action;
import cn.qingfeng.common.ledger.Lifecycle;
import cn.qingfeng.task.TaskEnums.AssignmentStatus;
import java.util.Map;

/**
 * One unit's assignment (承办): 待签收 → 办理中 → 已报送 → 已办结, or 退回 back to 办理中; 已撤销 with its
 * task. The unit's officers accept, report and submit; supervisors approve, return and urge.
 */
public final class AssignmentLifecycle {

    private AssignmentLifecycle() {
    }

    public static final Lifecycle<AssignmentStatus, AssignmentEntity> ASSIGNMENT = Lifecycle.of("assignment",
            "task_assignment", "承办事项", AssignmentStatus.class, a -> a.status,
            Map.of(PENDING, "待签收", IN_PROGRESS, "办理中", SUBMITTED, "已报送", DONE, "已办结", CANCELLED, "已撤销"));

    public static final Action<AssignmentStatus, AssignmentEntity> ACCEPT = ASSIGNMENT.action("accept", "签收")
            .from(PENDING).by(UNIT_OFFICER).to(IN_PROGRESS).records("assignment.accepted").versioned()
            .serves("acceptAssignment").add();

    public static final Action<AssignmentStatus, AssignmentEntity> SUBMIT = ASSIGNMENT.action("submit", "报送")
            .from(IN_PROGRESS).by(UNIT_OFFICER).to(SUBMITTED).records("assignment.submitted").versioned()
            .serves("submitAssignment").add();

    public static final Action<AssignmentStatus, AssignmentEntity> APPROVE = ASSIGNMENT.action("approve", "办结")
            .from(SUBMITTED).by(SUPERVISOR).to(DONE).records("assignment.approved").versioned()
            .serves("approveAssignment").add();

    public static final Action<AssignmentStatus, AssignmentEntity> RETURN = ASSIGNMENT.action("return", "退回")
            .from(SUBMITTED).by(SUPERVISOR).to(IN_PROGRESS).records("assignment.returned").versioned()
            .serves("returnAssignment").add();

    public static final Action<AssignmentStatus, AssignmentEntity> REPORT_PROGRESS = ASSIGNMENT.action("reportProgress", "报告进展")
            .from(IN_PROGRESS).by(UNIT_OFFICER).records("assignment.progress-reported").addsOnly()
            .serves("addAssignmentProgress").add();

    public static final Action<AssignmentStatus, AssignmentEntity> ADD_RECORD = ASSIGNMENT.action("addRecord", "登记工作记录")
            .from(IN_PROGRESS).by(UNIT_OFFICER).records("assignment.record-added").addsOnly()
            .serves("addAssignmentRecord").add();

    public static final Action<AssignmentStatus, AssignmentEntity> URGE = ASSIGNMENT.action("urge", "催办")
            .from(PENDING, IN_PROGRESS).by(SUPERVISOR).records("assignment.urged").addsOnly()
            .serves("urgeAssignment").add();

    public static final Action<AssignmentStatus, AssignmentEntity> REPLY_URGE = ASSIGNMENT.action("replyUrge", "回复催办")
            .fromAny().by(UNIT_OFFICER).records("assignment.urge-replied").addsOnly()
            .serves("replyToUrge").add();

    /** Evidence is filed while the unit works on it; what was submitted stays as reviewed. */
    public static final Action<AssignmentStatus, AssignmentEntity> ATTACH = ASSIGNMENT.action("attach", "上传或撤回佐证材料")
            .from(IN_PROGRESS).by(UNIT_OFFICER, SUPERVISOR)
            .refusedInOtherStates("assignment.not-in-progress", "只有办理中的承办事项可以上传或撤回佐证材料")
            .serves("uploadAttachment", "removeAttachment").add();

    /** Made when the task (or a period of it) is issued. */
    public static final Action<AssignmentStatus, AssignmentEntity> CREATE = ASSIGNMENT.action("create", "分派承办").internal()
            .to(PENDING).records("assignment.created").add();

    /** Open assignments go with their cancelled task. */
    public static final Action<AssignmentStatus, AssignmentEntity> CANCEL = ASSIGNMENT.action("cancel", "撤销承办").internal()
            .from(PENDING, IN_PROGRESS, SUBMITTED).to(CANCELLED).records("assignment.cancelled").add();

    /** The task's new deadline reaches its open assignments. */
    public static final Action<AssignmentStatus, AssignmentEntity> CHANGE_DEADLINE = ASSIGNMENT.action("changeDeadline", "调整期限")
            .internal().from(PENDING, IN_PROGRESS, SUBMITTED).records("assignment.deadline-changed").add();

    /** Scheduled work: an overdue assignment is escalated to its unit once. */
    public static final Action<AssignmentStatus, AssignmentEntity> ESCALATE = ASSIGNMENT.action("escalate", "逾期督办").internal()
            .from(PENDING, IN_PROGRESS).records("assignment.escalated").addsOnly().add();
}
