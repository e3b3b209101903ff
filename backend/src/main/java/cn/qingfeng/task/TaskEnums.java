package cn.qingfeng.task;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Enumerations of the tasks ledger; the UI gives them their Chinese labels. */
public final class TaskEnums {

    private TaskEnums() {
    }

    /** DESIGN.md's task categories. */
    @Schema(name = "TaskCategory")
    public enum Category {
        /** 理论学习 */ STUDY,
        /** 工作部署 */ DEPLOYMENT,
        /** 专题培训 */ TRAINING,
        /** 责任书 */ RESPONSIBILITY_LETTER,
        /** 廉政谈话 */ INTEGRITY_TALK,
        /** 监督检查 */ INSPECTION,
        /** 节点纪律 */ HOLIDAY_DISCIPLINE,
        /** 制度建设 */ RULES,
        /** 会议 */ MEETING,
        /** 报送 */ REPORT,
        /** 其他 */ OTHER
    }

    @Schema(name = "TaskPriority")
    public enum Priority { LOW, NORMAL, HIGH, URGENT }

    /** 草稿 → 已下发 → 已完成, or 已撤销. */
    @Schema(name = "TaskStatus")
    public enum Status { DRAFT, ISSUED, COMPLETED, CANCELLED }

    @Schema(name = "TaskRecurrence")
    public enum Recurrence { NONE, WEEKLY, MONTHLY, QUARTERLY, HALF_YEARLY }

    /** 牵头 / 配合. */
    @Schema(name = "AssignmentRole")
    public enum AssignmentRole {
        LEAD("牵头"), COOPERATING("配合");

        private final String label;

        AssignmentRole(String label) {
            this.label = label;
        }

        /** The role in words (zh-CN), for answers read by people elsewhere (the OA). */
        public String label() {
            return label;
        }
    }

    /** 待签收 → 办理中 → 已报送 → 已办结 (退回: back to 办理中); 已撤销 with the task. */
    @Schema(name = "AssignmentStatus")
    public enum AssignmentStatus {
        PENDING, IN_PROGRESS, SUBMITTED, DONE, CANCELLED;

        public boolean open() {
            return this == PENDING || this == IN_PROGRESS || this == SUBMITTED;
        }
    }

    /** What a task was opened from. */
    @Schema(name = "TaskOrigin")
    public enum Origin { RISK_REVIEW }
}
