package cn.qingfeng.unit;

import java.util.UUID;

/**
 * Implemented by each ledger: how many open records a unit still has. A unit with any cannot be
 * deactivated (DESIGN.md); the counts are named in the 409 so the admin knows what to close first.
 */
public interface UnitOpenRecords {

    /** The kind of record, e.g. "task-assignment", as named in the refusal. */
    String kind();

    long countOpen(UUID unitId);
}
