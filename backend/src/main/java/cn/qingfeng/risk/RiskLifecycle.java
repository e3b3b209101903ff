package cn.qingfeng.risk;

import static cn.qingfeng.common.security.Roles.IMPORTER;
import static cn.qingfeng.common.security.Roles.SUPERVISOR;
import static cn.qingfeng.common.security.Roles.UNIT_OFFICER;
import static cn.qingfeng.risk.RiskEnums.Status.CLOSED;
import static cn.qingfeng.risk.RiskEnums.Status.CONTROLLED;
import static cn.qingfeng.risk.RiskEnums.Status.CONTROLLING;
import static cn.qingfeng.risk.RiskEnums.Status.IDENTIFIED;

import cn.qingfeng.common.ledger.Action;
import cn.qingfeng.common.ledger.Lifecycle;
import cn.qingfeng.common.ledger.Precondition;
import cn.qingfeng.measure.MeasureLifecycles;
import cn.qingfeng.risk.RiskEnums.Status;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * 风险台账: 已识别 → 管控中 → 已受控 → 已关闭 (reopened back to 管控中). Grading is the supervisors'
 * act; units keep their risks, add measures, review (研判) and report them.
 */
public final class RiskLifecycle {

    private RiskLifecycle() {
    }

    public static final Lifecycle<Status, RiskFacts> RISK = Lifecycle.of("risk", "risk", "风险", Status.class, RiskFacts::status,
            Map.of(IDENTIFIED, "已识别", CONTROLLING, "管控中", CONTROLLED, "已受控", CLOSED, "已关闭"));

    static final Set<Status> OPEN = EnumSet.of(IDENTIFIED, CONTROLLING, CONTROLLED);

    static final Precondition<RiskFacts> GRADED = Precondition.of("risk.not-graded", "风险尚未评级，请先由监督人员评级", RiskFacts::graded);

    static final Precondition<RiskFacts> MATRIX_OUTDATED = Precondition.of("risk.matrix-current",
            "该风险已按最新评分矩阵评级，无需重新评级", f -> !Objects.equals(f.risk().matrixVersion, f.currentMatrixVersion()));

    static final Precondition<RiskFacts> HAS_MEASURES = Precondition.of("risk.no-measures", "请先制定管控措施", f -> f.measures() > 0);

    static final Precondition<RiskFacts> MEASURES_DONE = Precondition.<RiskFacts>of("risk.measures-open", "",
                    f -> f.openMeasures() == 0)
            .message(f -> "还有 " + f.openMeasures() + " 项管控措施未完成")
            .details(f -> Map.of("openMeasures", f.openMeasures()));

    static final Precondition<RiskFacts> RESIDUAL = Precondition.of("risk.no-residual", "请先评定采取措施后的剩余风险",
            f -> f.risk().residualLevel != null);

    public static final Action<Status, RiskFacts> CREATE = RISK.action("create", "登记风险点").creation()
            .by(SUPERVISOR, UNIT_OFFICER, IMPORTER).to(IDENTIFIED).records("risk.created").serves("createRisk").add();

    public static final Action<Status, RiskFacts> UPDATE = RISK.action("update", "修改风险")
            .from(OPEN).by(SUPERVISOR, UNIT_OFFICER, IMPORTER).records("risk.updated").versioned().serves("updateRisk").add();

    public static final Action<Status, RiskFacts> GRADE = RISK.action("grade", "评级")
            .from(OPEN).by(SUPERVISOR, IMPORTER).records("risk.graded").versioned().serves("gradeRisk").add();

    public static final Action<Status, RiskFacts> REGRADE = RISK.action("regrade", "按新矩阵重新评级")
            .from(OPEN).by(SUPERVISOR).requires(GRADED, MATRIX_OUTDATED).records("risk.regraded").versioned().serves("regradeRisk").add();

    public static final Action<Status, RiskFacts> ADD_MEASURE = RISK.action("addMeasure", "添加管控措施")
            .from(OPEN).by(SUPERVISOR, UNIT_OFFICER, IMPORTER).records("risk.measure-added").serves("addRiskMeasure").add();

    public static final Action<Status, RiskFacts> START_CONTROL = RISK.action("startControl", "进入管控")
            .from(IDENTIFIED).by(UNIT_OFFICER, SUPERVISOR).requires(GRADED, HAS_MEASURES).to(CONTROLLING)
            .records("risk.control-started").versioned().serves("startRiskControl").add();

    public static final Action<Status, RiskFacts> MARK_CONTROLLED = RISK.action("markControlled", "确认已受控")
            .from(CONTROLLING).by(SUPERVISOR).requires(MEASURES_DONE, RESIDUAL).to(CONTROLLED)
            .records("risk.controlled").versioned().serves("markRiskControlled").add();

    public static final Action<Status, RiskFacts> CLOSE = RISK.action("close", "关闭风险")
            .from(OPEN).by(SUPERVISOR).to(CLOSED).records("risk.closed").versioned().serves("closeRisk").add();

    public static final Action<Status, RiskFacts> REOPEN = RISK.action("reopen", "重新打开风险")
            .from(CONTROLLED, CLOSED).by(SUPERVISOR).to(CONTROLLING).records("risk.reopened").versioned().serves("reopenRisk").add();

    /** 研判: may change the grade (then also {@code risk.graded-by-review}). */
    public static final Action<Status, RiskFacts> REVIEW = RISK.action("review", "研判")
            .from(OPEN).by(UNIT_OFFICER, SUPERVISOR).requires(GRADED)
            .records("risk.reviewed", "risk.graded-by-review").versioned().serves("createRiskReview").add();

    /** A report to the bureau may be filed at any time; one owed stays owed even after a close. */
    public static final Action<Status, RiskFacts> REPORT = RISK.action("report", "向局报告")
            .fromAny().by(UNIT_OFFICER, SUPERVISOR).records("risk.reported").serves("createRiskReport").add();

    /** Files of a review (minutes, reports); a closed risk's record is final. */
    public static final Action<Status, RiskFacts> ATTACH = RISK.action("attach", "上传或撤回研判材料")
            .from(OPEN).by(UNIT_OFFICER, SUPERVISOR).refusedInOtherStates("risk.closed", "风险已关闭，材料不能再上传或撤回")
            .serves("uploadAttachment", "removeAttachment").add();

    /** An open measure on a 已受控 risk means it is being controlled again (已受控 needs every measure done). */
    public static final Action<Status, RiskFacts> RESUME_CONTROL = RISK.action("resumeControl", "恢复管控").internal()
            .from(CONTROLLED).to(CONTROLLING).records("risk.control-resumed").add();

    /** The review schedule and the obligations it opens and answers (RiskObligations). */
    public static final Action<Status, RiskFacts> OBLIGATIONS = RISK.action("obligations", "研判与报告义务").internal()
            .fromAny().records("risk.review-scheduled", "risk.report-required", "risk.obligation-met", "risk.obligation-late")
            .addsOnly().add();

    /** Scheduled work: a review or report that passed its due time undone (RiskScheduler). */
    public static final Action<Status, RiskFacts> FLAG_MISSED = RISK.action("flagMissed", "标记逾期").internal()
            .fromAny().records("risk.review-missed", "risk.report-missing").addsOnly().add();

    /** Measures change while the risk is open; closed, its record is final. */
    public static final MeasureLifecycles.Measures MEASURES = MeasureLifecycles.of("risk", "risk", "风险", false, false,
            "completeRiskMeasure", null, "reopenRiskMeasure");
}
