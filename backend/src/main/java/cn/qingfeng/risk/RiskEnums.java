package cn.qingfeng.risk;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Enumerations of the risk ledger; the UI gives them their Chinese labels. */
public final class RiskEnums {

    private RiskEnums() {
    }

    @Schema(name = "RiskCategory")
    public enum Category {
        /** 意识形态 */ IDEOLOGY,
        /** 保密 */ SECRECY,
        /** 廉政 */ INTEGRITY,
        /** 网络舆情 */ PUBLIC_OPINION,
        /** 作风 */ WORK_STYLE,
        /** 其他 */ OTHER
    }

    /** 重大 red / 较大 orange / 一般 yellow / 低 blue, highest first. */
    @Schema(name = "RiskLevel")
    public enum Level {
        LOW, GENERAL, SIGNIFICANT, MAJOR;

        public boolean above(Level other) {
            return other == null || compareTo(other) > 0;
        }
    }

    /** 已识别 → 管控中 → 已受控 → 已关闭. */
    @Schema(name = "RiskStatus")
    public enum Status { IDENTIFIED, CONTROLLING, CONTROLLED, CLOSED }

    /** How often a risk is reviewed (研判). */
    @Schema(name = "RiskReviewCycle")
    public enum ReviewCycle {
        MONTHLY(1), QUARTERLY(3), HALF_YEARLY(6), YEARLY(12);

        public final int months;

        ReviewCycle(int months) {
            this.months = months;
        }
    }

    /** Why a grading was recorded. */
    @Schema(name = "RiskGradingSource")
    public enum GradingSource {
        /** A supervisor graded the risk. */ GRADING,
        /** Re-graded under a newer matrix (explicit). */ REGRADING,
        /** A review changed the grade. */ REVIEW
    }

    /** Which grading a heat map or list filter reads: before (inherent) or after controls (residual). */
    @Schema(name = "RiskBasis")
    public enum Basis { INHERENT, RESIDUAL }

    @Schema(name = "RiskObligationKind")
    public enum ObligationKind {
        /** A review due by a date. */ REVIEW,
        /** A 重大 risk to be reported to the bureau within the configured time. */ REPORT
    }

    /** PENDING: open, not yet past due; MET / LATE: done on time / after the due time; MISSING: past due, not done; CANCELLED: the risk was closed first. */
    @Schema(name = "RiskObligationState")
    public enum ObligationState { PENDING, MET, LATE, MISSING, CANCELLED }

    /** Where the review of a risk stands, for filtering: GREEN / YELLOW / RED as the warning colours. */
    @Schema(name = "RiskReviewState")
    public enum ReviewState { NONE, GREEN, YELLOW, RED }
}
