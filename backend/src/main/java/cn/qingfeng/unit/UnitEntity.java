package cn.qingfeng.unit;

import cn.qingfeng.common.ledger.LedgerEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A unit of the organisation tree. {@code path} chains the ids from the root: '/root/…/self/'. */
@Entity
@Table(name = "unit")
public class UnitEntity extends LedgerEntity<UnitState> {

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

    @Override
    protected void state(UnitState state) {
        active = state == UnitState.ACTIVE;
    }

    @Override
    public UnitState state() {
        return active ? UnitState.ACTIVE : UnitState.INACTIVE;
    }

    @Override
    public UUID journalUnitId() {
        return id;
    }
}
