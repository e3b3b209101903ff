package cn.qingfeng.common.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * What every record with a lifecycle has: its id, when it was made and last changed, and the
 * version If-Match names. Subclasses say where their state lives and which unit their events
 * belong to.
 */
@MappedSuperclass
public abstract class LedgerEntity<S extends Enum<S>> implements LedgerRecord<S> {

    @Id
    public UUID id;

    @Column(updatable = false)
    public Instant createdAt;

    public Instant updatedAt;

    @Version
    public long version;

    /** Sets the state (the kernel's transitions call it through {@link #moveTo}). */
    protected abstract void state(S state);

    @Override
    public void moveTo(S state, Instant at) {
        state(state);
        updatedAt = at;
    }

    @Override
    public void touch(Instant at) {
        updatedAt = at;
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public UUID journalId() {
        return id;
    }
}
