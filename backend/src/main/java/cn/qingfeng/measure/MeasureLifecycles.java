package cn.qingfeng.measure;

import cn.qingfeng.common.ledger.Action;
import cn.qingfeng.common.ledger.Lifecycle;
import cn.qingfeng.common.ledger.Precondition;
import cn.qingfeng.common.security.Roles;
import java.util.Map;

/**
 * The lifecycle of measures, the same for every owner: 未完成 → 已完成 (or 免于执行 where the owner
 * allows waiving), and back to 未完成. Each owner gets its own instance: its journal events carry
 * the owner's prefix ({@code rectification.measure-done}) and its refusals the owner's state.
 */
public final class MeasureLifecycles {

    private MeasureLifecycles() {
    }

    /** One owner's measure lifecycle and its actions. */
    public record Measures(Lifecycle<MeasureStatus, MeasureFacts> lifecycle, Action<MeasureStatus, MeasureFacts> complete,
                           Action<MeasureStatus, MeasureFacts> waive, Action<MeasureStatus, MeasureFacts> reopen,
                           Action<MeasureStatus, MeasureFacts> attach) {
    }

    /**
     * @param owner         the owner's lifecycle name, e.g. {@code rectification}: prefix of events and refusals
     * @param ownerLabel    the owner in words, e.g. 整改事项
     * @param waivable      whether a measure may be waived with a reason (免于执行)
     * @param filesWhenShut whether files may still change once the owner takes no measure changes
     * @param operations    operationIds of complete, waive (or null), reopen
     */
    public static Measures of(String owner, String entityType, String ownerLabel, boolean waivable, boolean filesWhenShut,
                              String completeOp, String waiveOp, String reopenOp) {
        Lifecycle<MeasureStatus, MeasureFacts> l = Lifecycle.of(owner + "-measure", entityType, "措施", MeasureStatus.class,
                MeasureFacts::status, Map.of(MeasureStatus.OPEN, "未完成", MeasureStatus.DONE, "已完成", MeasureStatus.WAIVED, "免于执行"))
                // On the owner's timeline, beside the owner's own status.
                .journalsStateAs("measureStatus", Enum::name);
        // The owner's state code is kept as the refusal code, as the owner's own actions answer it.
        Precondition<MeasureFacts> ownerOpen = new Precondition<MeasureFacts>(owner + ".illegal-transition",
                (f, c) -> f.ownerOpen(), f -> ownerLabel + "当前状态（" + f.ownerStateLabel() + "）不能修改措施",
                f -> Map.of("from", f.ownerState())).asState();
        Action<MeasureStatus, MeasureFacts> complete = l.action("complete", "完成措施")
                .from(MeasureStatus.OPEN, MeasureStatus.WAIVED).by(Roles.UNIT_OFFICER, Roles.SUPERVISOR)
                .requires(ownerOpen).to(MeasureStatus.DONE).records(owner + ".measure-done").versioned().serves(completeOp).add();
        Action<MeasureStatus, MeasureFacts> waive = waivable ? l.action("waive", "免于执行措施")
                .from(MeasureStatus.OPEN, MeasureStatus.DONE).by(Roles.UNIT_OFFICER, Roles.SUPERVISOR)
                .requires(ownerOpen).to(MeasureStatus.WAIVED).records(owner + ".measure-waived").versioned().serves(waiveOp).add() : null;
        Action<MeasureStatus, MeasureFacts> reopen = l.action("reopen", "重新打开措施")
                .from(waivable ? new MeasureStatus[]{MeasureStatus.DONE, MeasureStatus.WAIVED} : new MeasureStatus[]{MeasureStatus.DONE})
                .by(Roles.UNIT_OFFICER, Roles.SUPERVISOR)
                .requires(ownerOpen).to(MeasureStatus.OPEN).records(owner + ".measure-reopened").versioned().serves(reopenOp).add();
        var files = l.action("attach", "上传或撤回措施材料").fromAny().by(Roles.UNIT_OFFICER, Roles.SUPERVISOR)
                .serves("uploadAttachment", "removeAttachment");
        Action<MeasureStatus, MeasureFacts> attach = (filesWhenShut ? files : files.requires(ownerOpen)).add();
        return new Measures(l, complete, waive, reopen, attach);
    }
}
