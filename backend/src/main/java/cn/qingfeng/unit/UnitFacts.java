package cn.qingfeng.unit;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the organisation's rules read of a unit: its active children, its parent, and which
 * ledgers still hold open records of it ({@code openCounts} counts them, only for a refusal).
 */
public record UnitFacts(UnitEntity unit, long activeChildren, boolean parentActive, Set<String> openKinds,
                        Supplier<Map<String, Long>> openCounts) {

    public UnitState state() {
        return unit.active ? UnitState.ACTIVE : UnitState.INACTIVE;
    }

    public boolean root() {
        return unit.parentId == null;
    }
}
