package cn.qingfeng.unit;

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
public class UnitEntity {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UnitKind kind;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(nullable = false)
    public String path;

    @Column(nullable = false)
    public int depth;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    @Column(nullable = false)
    public boolean active = true;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
