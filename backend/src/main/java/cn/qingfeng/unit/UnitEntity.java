package cn.qingfeng.unit;

import cn.qingfeng.common.ledger.LedgerRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A unit of the organisation tree. {@code path} chains the ids from the root: '/root/…/self/'. */
@Entity
@Table(name = "unit")
public class UnitEntity implements LedgerRecord<UnitState> {

    @Id
    public UUID id;

    @Column(updatable = false)
    public String code;

    public String name;

    @Enumerated(EnumType.STRING)
    public UnitKind kind;

    public UUID parentId;

    public String path;

    public int depth;

    public int sortOrder;

    public boolean active = true;

    @Version
    public long version;

    @Column(updatable = false)
    public Instant createdAt;

    public Instant updatedAt;

    @Override
    public UnitState state() {
        return active ? UnitState.ACTIVE : UnitState.INACTIVE;
    }

    @Override
    public void moveTo(UnitState state, Instant at) {
        active = state == UnitState.ACTIVE;
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

    /** A unit's events are its own: entity and unit are the unit itself. */
    @Override
    public UUID journalId() {
        return id;
    }

    @Override
    public UUID journalUnitId() {
        return id;
    }
}
