package cn.qingfeng.unit;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Implemented by each ledger: how many open records a unit still has. A unit with any cannot be
 * deactivated (DESIGN.md); the counts are named in the 409 so the admin knows what to close first.
 */
public interface UnitOpenRecords {

    /** The kind of record, e.g. "task-assignment", as the refusal's details name it. */
    String kind();

    /** The kind in words, e.g. 承办事项, as the refusal's message names it. */
    String label();

    long countOpen(UUID unitId);

    /** Which of these units still have an open record of this kind (an existence check per unit). */
    Set<UUID> withOpen(Collection<UUID> unitIds);
}
