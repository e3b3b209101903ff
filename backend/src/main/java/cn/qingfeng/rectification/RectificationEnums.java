package cn.qingfeng.rectification;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Enumerations of the rectification ledger; the UI gives them their Chinese labels. */
public final class RectificationEnums {

    private RectificationEnums() {
    }

    /** Where the problem was found. */
    @Schema(name = "RectificationSource")
    public enum Source {
        /** 自查 */ SELF_CHECK,
        /** 巡察 */ INSPECTION_TOUR,
        /** 审计 */ AUDIT,
        /** 上级督查 */ SUPERVISION,
        /** 信访举报 */ COMPLAINT,
        /** 其他 */ OTHER
    }

    @Schema(name = "RectificationCategory")
    public enum Category {
        /** 理论学习 */ STUDY,
        /** 阵地建设 */ POSITION_BUILDING,
        /** 保密 */ SECRECY,
        /** 意识形态 */ IDEOLOGY,
        /** 作风 */ WORK_STYLE,
        /** 廉政 */ INTEGRITY,
        /** 其他 */ OTHER
    }

    /** 一般 / 较重 / 严重. */
    @Schema(name = "RectificationSeverity")
    public enum Severity { MINOR, MODERATE, SERIOUS }

    /** 限期整改 (with a deadline) or 长期坚持 (ongoing, progress expected each period). */
    @Schema(name = "RectificationKind")
    public enum Kind { TIME_LIMITED, ONGOING }

    /** 待整改 → 整改中 → 申请销号 → 已销号; 驳回 back to 整改中; 反弹 reopens a closed item. */
    @Schema(name = "RectificationStatus")
    public enum Status { PENDING, IN_PROGRESS, APPLIED, CLOSED }

    /** What an item came from. */
    @Schema(name = "RectificationOrigin")
    public enum Origin { TASK_ASSIGNMENT, RISK_REVIEW, INSPECTION }
}
