package cn.qingfeng.task;

import static cn.qingfeng.common.security.Roles.IMPORTER;
import static cn.qingfeng.common.security.Roles.INTEGRATION;
import static cn.qingfeng.common.security.Roles.SUPERVISOR;
import static cn.qingfeng.task.TaskEnums.Status.CANCELLED;
import static cn.qingfeng.task.TaskEnums.Status.COMPLETED;
import static cn.qingfeng.task.TaskEnums.Status.DRAFT;
import static cn.qingfeng.task.TaskEnums.Status.ISSUED;

import cn.qingfeng.common.ledger.Action;
import cn.qingfeng.common.ledger.Lifecycle;
import cn.qingfeng.task.TaskEnums.Status;
import java.util.Map;

/** 督办任务: 草稿 → 已下发 → 已完成 (when its last unit's part is done), or 已撤销. The supervisors' side. */
public final class TaskLifecycle {

    private TaskLifecycle() {
    }

    public static final Lifecycle<Status, TaskEntity> TASK = Lifecycle.of("task", "task", "督办任务", Status.class, t -> t.status,
            Map.of(DRAFT, "草稿", ISSUED, "已下发", COMPLETED, "已完成", CANCELLED, "已撤销"));

    public static final Action<Status, TaskEntity> CREATE = TASK.action("create", "新建任务").creation()
            .by(SUPERVISOR, IMPORTER, INTEGRATION).to(DRAFT).records("task.created").serves("createTask").add();

    /** After issue the change is journaled as such and a new deadline reaches the open assignments. */
    public static final Action<Status, TaskEntity> UPDATE = TASK.action("update", "修改任务")
            .from(DRAFT, ISSUED).by(SUPERVISOR, IMPORTER, INTEGRATION).refusedInOtherStates("task.closed", "已完成或已撤销的任务不能修改")
            .records("task.updated", "task.changed-after-issue").versioned().serves("updateTask").add();

    public static final Action<Status, TaskEntity> ISSUE = TASK.action("issue", "下发任务")
            .from(DRAFT).by(SUPERVISOR, IMPORTER, INTEGRATION).refusedInOtherStates("task.not-draft", "只有草稿可以下发").to(ISSUED)
            .records("task.issued").versioned().serves("issueTask").add();

    public static final Action<Status, TaskEntity> CANCEL = TASK.action("cancel", "撤销任务")
            .from(DRAFT, ISSUED).by(SUPERVISOR).refusedInOtherStates("task.closed", "任务已完成或已撤销").to(CANCELLED)
            .records("task.cancelled").versioned().serves("cancelTask").add();

    /** The task's own documents (e.g. the OA's 红头文件), filed while it is a draft or issued; its units read them. */
    public static final Action<Status, TaskEntity> ATTACH = TASK.action("attach", "上传或撤回任务文件")
            .from(DRAFT, ISSUED).by(SUPERVISOR, INTEGRATION).refusedInOtherStates("task.closed", "已完成或已撤销的任务不能再上传或撤回文件")
            .serves("uploadAttachment", "removeAttachment").add();

    /** When the last open assignment is done. */
    public static final Action<Status, TaskEntity> COMPLETE = TASK.action("complete", "办结任务").internal()
            .from(ISSUED).to(COMPLETED).records("task.completed").add();

    /** Scheduled work: a recurring task's next period becomes a task of its own. */
    public static final Action<Status, TaskEntity> GENERATE_PERIOD = TASK.action("generatePeriod", "生成周期任务").internal()
            .fromAny().records("task.period-generated", "task.period-unit-skipped").addsOnly().add();
}
