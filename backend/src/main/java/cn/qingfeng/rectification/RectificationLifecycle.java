package cn.qingfeng.rectification;

import static cn.qingfeng.common.security.Roles.IMPORTER;
import static cn.qingfeng.common.security.Roles.INTEGRATION;
import static cn.qingfeng.common.security.Roles.SUPERVISOR;
import static cn.qingfeng.common.security.Roles.UNIT_OFFICER;
import static cn.qingfeng.rectification.RectificationEnums.Status.APPLIED;
import static cn.qingfeng.rectification.RectificationEnums.Status.CLOSED;
import static cn.qingfeng.rectification.RectificationEnums.Status.IN_PROGRESS;
import static cn.qingfeng.rectification.RectificationEnums.Status.PENDING;

import cn.qingfeng.common.ledger.Action;
import cn.qingfeng.common.ledger.Lifecycle;
import cn.qingfeng.common.ledger.Precondition;
import cn.qingfeng.measure.MeasureLifecycles;
import cn.qingfeng.rectification.RectificationEnums.Status;
import java.util.Map;
import java.util.Objects;

/**
 * 整改台账: 待整改 → 整改中 → 申请销号 → 已销号, 驳回 back to 整改中, 反弹 (reopen) of a closed item into
 * a new cycle. A close-off must be earned: every measure done or waived with a reason, evidence on
 * file, verified by a supervisor other than the applicant.
 */
public final class RectificationLifecycle {

    private RectificationLifecycle() {
    }

    public static final Lifecycle<Status, RectificationFacts> ITEM = Lifecycle.of("rectification", "rectification", "整改事项",
            Status.class, RectificationFacts::status,
            Map.of(PENDING, "待整改", IN_PROGRESS, "整改中", APPLIED, "申请销号", CLOSED, "已销号"));

    static final Precondition<RectificationFacts> MEASURES_SETTLED = Precondition.<RectificationFacts>of(
                    "rectification.measures-open", "", f -> f.measures() > 0 && f.openMeasures() == 0)
            .message(f -> f.measures() == 0 ? "尚未制定整改措施"
                    : "还有 " + f.openMeasures() + " 项整改措施未完成（或未说明理由免于执行）")
            .details(f -> Map.of("openMeasures", f.openMeasures()));

    static final Precondition<RectificationFacts> EVIDENCE = Precondition.of(
            "rectification.no-evidence", "销号需要至少一份佐证材料", f -> f.evidenceFiles() > 0);

    static final Precondition<RectificationFacts> NOT_THE_APPLICANT = Precondition.ofCaller(
            "rectification.self-verification", "申请人不能为自己的申请销号（需由另一名监督人员核验）",
            (f, caller) -> !Objects.equals(caller.subject(), f.item().appliedBy));

    public static final Action<Status, RectificationFacts> CREATE = ITEM.action("create", "登记整改事项").creation()
            .by(SUPERVISOR, IMPORTER, INTEGRATION).to(PENDING).records("rectification.created").serves("createRectification").add();

    public static final Action<Status, RectificationFacts> UPDATE = ITEM.action("update", "修改整改事项")
            .from(PENDING, IN_PROGRESS, APPLIED).by(SUPERVISOR, IMPORTER, INTEGRATION)
            .refusedInOtherStates("rectification.closed", "已销号的事项不能修改，如问题反弹请重新打开")
            .records("rectification.updated").versioned().serves("updateRectification").add();

    public static final Action<Status, RectificationFacts> ADD_MEASURE = ITEM.action("addMeasure", "添加整改措施")
            .from(PENDING, IN_PROGRESS).by(SUPERVISOR, UNIT_OFFICER, IMPORTER, INTEGRATION)
            .records("rectification.measure-added").addsOnly().serves("addRectificationMeasure").add();

    public static final Action<Status, RectificationFacts> START = ITEM.action("start", "开始整改")
            .from(PENDING).by(UNIT_OFFICER).to(IN_PROGRESS)
            .records("rectification.started").versioned().serves("startRectification").add();

    public static final Action<Status, RectificationFacts> REPORT_PROGRESS = ITEM.action("reportProgress", "报送整改进展")
            .from(IN_PROGRESS).by(UNIT_OFFICER)
            .records("rectification.progress-reported").serves("addRectificationProgress").add();

    public static final Action<Status, RectificationFacts> APPLY = ITEM.action("apply", "申请销号")
            .from(IN_PROGRESS).by(UNIT_OFFICER, SUPERVISOR).requires(MEASURES_SETTLED, EVIDENCE).to(APPLIED)
            .records("rectification.applied").versioned().serves("applyRectificationClose").add();

    public static final Action<Status, RectificationFacts> VERIFY = ITEM.action("verify", "核验销号")
            .from(APPLIED).by(SUPERVISOR).requires(NOT_THE_APPLICANT, MEASURES_SETTLED, EVIDENCE).to(CLOSED)
            .records("rectification.closed").versioned().serves("verifyRectificationClose").add();

    public static final Action<Status, RectificationFacts> REJECT = ITEM.action("reject", "驳回销号申请")
            .from(APPLIED).by(SUPERVISOR).to(IN_PROGRESS)
            .records("rectification.rejected").versioned().serves("rejectRectificationClose").add();

    public static final Action<Status, RectificationFacts> REOPEN = ITEM.action("reopen", "重新打开（反弹）")
            .from(CLOSED).by(SUPERVISOR).to(IN_PROGRESS)
            .records("rectification.reopened").versioned().serves("reopenRectification").add();

    /** Evidence may change at any time: a close-off keeps the list it was granted on, so a difference shows. */
    public static final Action<Status, RectificationFacts> ATTACH = ITEM.action("attach", "上传或撤回佐证材料")
            .fromAny().by(UNIT_OFFICER, SUPERVISOR, INTEGRATION).serves("uploadAttachment", "removeAttachment").add();

    /** Measures change while the item is worked on; from 申请销号 on they are what is being verified. */
    public static final MeasureLifecycles.Measures MEASURES = MeasureLifecycles.of("rectification", "rectification", "整改事项",
            true, true, "completeRectificationMeasure", "waiveRectificationMeasure", "reopenRectificationMeasure");

    static boolean takesMeasures(Status s) {
        return ADD_MEASURE.from().contains(s);
    }
}
