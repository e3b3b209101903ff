package cn.qingfeng.common.scope;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * The units whose records a caller may see and touch (DESIGN.md "Data scope"): everything, or a
 * set of units (the caller's unit and the units below it). Records outside answer 404.
 */
public record DataScope(boolean all, Set<UUID> unitIds) {

    private static final DataScope ALL = new DataScope(true, Set.of());
    private static final DataScope NONE = new DataScope(false, Set.of());

    /** Every unit: roles that see all, and the server's own work. */
    public static DataScope everything() {
        return ALL;
    }

    /** No unit: a scoped role without a known unit. */
    public static DataScope nothing() {
        return NONE;
    }

    public static DataScope units(Collection<UUID> ids) {
        return new DataScope(false, Set.copyOf(ids));
    }

    public boolean contains(UUID unitId) {
        return all || (unitId != null && unitIds.contains(unitId));
    }
}
