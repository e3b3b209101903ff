package cn.qingfeng.common.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * What the kernel needs of a record with a lifecycle: its state, its version for If-Match, and
 * where its journal events go. Entities implement it with their own fields.
 */
public interface LedgerRecord<S extends Enum<S>> {

    S state();

    /** Sets the state and the time of the change. */
    void moveTo(S state, Instant at);

    /** Marks the record changed (its {@code updatedAt}). */
    void touch(Instant at);

    long version();

    /** The entity id events of this record are journaled under (a measure's: its owner's). */
    UUID journalId();

    /** The unit events of this record belong to. */
    UUID journalUnitId();
}
