package cn.qingfeng.measure;

import cn.qingfeng.common.ledger.Lifecycle;
import cn.qingfeng.common.ledger.RecordKind;
import cn.qingfeng.common.scope.DataScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Measures of every owner; a measure is visible when its owner is. */
@ApplicationScoped
public class MeasureRepository {

    @Inject
    EntityManager em;

    /** The measures of one owner's lifecycle, as the kernel reads them. */
    public RecordKind<MeasureStatus, MeasureEntity, MeasureFacts> kind(MeasureOwner owner) {
        return new RecordKind<>() {
            @Override
            public Lifecycle<MeasureStatus, MeasureFacts> lifecycle() {
                return owner.lifecycle();
            }

            @Override
            public Optional<MeasureEntity> find(UUID id, DataScope scope, boolean lock) {
                MeasureEntity m = em.find(MeasureEntity.class, id, lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE);
                return m != null && m.ownerType == owner.type() && owner.unitOf(m.ownerId, scope).isPresent()
                        ? Optional.of(m) : Optional.empty();
            }

            @Override
            public List<MeasureFacts> facts(List<MeasureEntity> measures) {
                Map<UUID, MeasureOwner.OwnerState> states = owner.states(measures.stream().map(m -> m.ownerId).distinct().toList());
                return measures.stream().map(m -> {
                    MeasureOwner.OwnerState s = states.get(m.ownerId);
                    return new MeasureFacts(m, s.state(), s.stateLabel(), s.open());
                }).toList();
            }
        };
    }

    public List<MeasureEntity> of(MeasureOwnerType type, UUID ownerId) {
        return em.createQuery("select m from MeasureEntity m where m.ownerType = :t and m.ownerId = :o"
                        + " order by m.sortOrder, m.createdAt", MeasureEntity.class)
                .setParameter("t", type).setParameter("o", ownerId).getResultList();
    }

    public Optional<MeasureEntity> find(UUID id) {
        return Optional.ofNullable(em.find(MeasureEntity.class, id));
    }

    /** Whether the measure is one of this owner's, read without loading (and so before locking) it. */
    public boolean belongsTo(UUID id, MeasureOwnerType type, UUID ownerId) {
        return em.createQuery("select count(m) from MeasureEntity m where m.id = :id and m.ownerType = :t and m.ownerId = :o",
                        Long.class)
                .setParameter("id", id).setParameter("t", type).setParameter("o", ownerId).getSingleResult() > 0;
    }

    public int countOf(MeasureOwnerType type, UUID ownerId) {
        return em.createQuery("select count(m) from MeasureEntity m where m.ownerType = :t and m.ownerId = :o", Long.class)
                .setParameter("t", type).setParameter("o", ownerId).getSingleResult().intValue();
    }

    /** The measures of many owners in one query: id, owner and state, without their texts. */
    public List<Brief> briefs(MeasureOwnerType type, Collection<UUID> ownerIds) {
        if (ownerIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select m.id, m.ownerId, m.status from MeasureEntity m where m.ownerType = :t"
                        + " and m.ownerId in :ids", Object[].class)
                .setParameter("t", type).setParameter("ids", ownerIds).getResultList().stream()
                .map(r -> new Brief((UUID) r[0], (UUID) r[1], (MeasureStatus) r[2])).toList();
    }

    public record Brief(UUID id, UUID ownerId, MeasureStatus status) {
    }

    /** Per owner: how many measures it has, and how many of them are open. */
    public static Map<UUID, Counts> counts(List<Brief> briefs) {
        Map<UUID, Counts> out = new HashMap<>();
        for (Brief b : briefs) {
            Counts c = out.getOrDefault(b.ownerId(), Counts.NONE);
            out.put(b.ownerId(), new Counts(c.total() + 1, c.open() + (b.status() == MeasureStatus.OPEN ? 1 : 0)));
        }
        return out;
    }

    /** How many measures an owner has, and how many of them are still open. */
    public record Counts(int total, int open) {
        public static final Counts NONE = new Counts(0, 0);
    }

    public void persist(MeasureEntity m) {
        em.persist(m);
    }
}
