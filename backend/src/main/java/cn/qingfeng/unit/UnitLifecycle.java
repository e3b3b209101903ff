package cn.qingfeng.unit;

import static cn.qingfeng.common.security.Roles.ADMIN;
import static cn.qingfeng.common.security.Roles.SUPERVISOR;
import static cn.qingfeng.common.security.Roles.UNIT_OFFICER;
import static cn.qingfeng.unit.UnitState.ACTIVE;
import static cn.qingfeng.unit.UnitState.INACTIVE;

import cn.qingfeng.common.ledger.Action;
import cn.qingfeng.common.ledger.Lifecycle;
import cn.qingfeng.common.ledger.Precondition;
import java.util.Map;

/** The organisation tree, kept by admins: units are created, renamed, moved, deactivated and activated again. */
public final class UnitLifecycle {

    private UnitLifecycle() {
    }

    public static final Lifecycle<UnitState, UnitFacts> UNIT = Lifecycle.of("unit", "unit", "单位", UnitState.class,
            UnitFacts::state, Map.of(ACTIVE, "启用", INACTIVE, "已停用")).journalsStateAs("active", s -> s == ACTIVE);

    static final Precondition<UnitFacts> NOT_ROOT_MOVE = Precondition.of("unit.is-root", "局（根单位）不能移动", f -> !f.root());

    static final Precondition<UnitFacts> NOT_ROOT_DEACTIVATE = Precondition.of("unit.is-root", "局（根单位）不能停用", f -> !f.root());

    static final Precondition<UnitFacts> NO_ACTIVE_CHILDREN = Precondition.<UnitFacts>of("unit.has-active-children", "",
                    f -> f.activeChildren() == 0)
            .message(f -> "该单位还有 " + f.activeChildren() + " 个未停用的下级单位，请先停用或移走它们")
            .details(f -> Map.of("activeChildren", f.activeChildren()));

    static final Precondition<UnitFacts> NO_OPEN_RECORDS = Precondition.<UnitFacts>of("unit.has-open-records", "",
                    f -> f.openKinds().isEmpty())
            .message(f -> "该单位还有未办结的" + String.join("、", f.openKinds()) + "，请先办结或转交")
            .details(f -> Map.of("openRecords", f.openCounts().get()));

    static final Precondition<UnitFacts> PARENT_ACTIVE = Precondition.of("unit.parent-inactive", "上级单位已停用，请先启用上级单位",
            UnitFacts::parentActive);

    public static final Action<UnitState, UnitFacts> CREATE = UNIT.action("create", "新建单位").creation()
            .by(ADMIN).to(ACTIVE).records("unit.created").serves("createUnit").add();

    public static final Action<UnitState, UnitFacts> UPDATE = UNIT.action("update", "修改单位")
            .fromAny().by(ADMIN).records("unit.updated").versioned().serves("updateUnit").add();

    public static final Action<UnitState, UnitFacts> MOVE = UNIT.action("move", "调整上级单位")
            .fromAny().by(ADMIN).requires(NOT_ROOT_MOVE).records("unit.moved").versioned().serves("moveUnit").add();

    public static final Action<UnitState, UnitFacts> DEACTIVATE = UNIT.action("deactivate", "停用单位")
            .from(ACTIVE).by(ADMIN).requires(NOT_ROOT_DEACTIVATE, NO_ACTIVE_CHILDREN, NO_OPEN_RECORDS).to(INACTIVE)
            .records("unit.deactivated").versioned().serves("deactivateUnit").add();

    public static final Action<UnitState, UnitFacts> ACTIVATE = UNIT.action("activate", "启用单位")
            .from(INACTIVE).by(ADMIN).requires(PARENT_ACTIVE).to(ACTIVE)
            .records("unit.activated").versioned().serves("activateUnit").add();

    /** A unit's own documents (e.g. its signed 责任书): admins and supervisors for any unit, officers for theirs. */
    public static final Action<UnitState, UnitFacts> ATTACH = UNIT.action("attach", "上传或撤回单位文件")
            .fromAny().by(ADMIN, SUPERVISOR, UNIT_OFFICER).serves("uploadAttachment", "removeAttachment").add();
}
