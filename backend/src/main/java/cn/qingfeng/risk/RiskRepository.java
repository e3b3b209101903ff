package cn.qingfeng.risk;

import cn.qingfeng.common.paging.ListQuery;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.risk.RiskEnums.ObligationKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Risks belong to their unit; every read for a caller takes the scope. */
@ApplicationScoped
public class RiskRepository {

    @Inject
    EntityManager em;

    public Optional<RiskEntity> find(UUID id, DataScope scope, boolean lock) {
        RiskEntity r = em.find(RiskEntity.class, id, lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE);
        return r != null && scope.contains(r.unitId) ? Optional.of(r) : Optional.empty();
    }

    public ListQuery<RiskEntity> risks(DataScope scope) {
        return ListQuery.scoped(em, RiskEntity.class, scope, "e.unitId");
    }

    public ListQuery<RiskObligationEntity> obligations(DataScope scope) {
        return ListQuery.scoped(em, RiskObligationEntity.class, scope, "e.unitId");
    }

    public List<RiskMeasureEntity> measures(UUID riskId) {
        return em.createQuery("select m from RiskMeasureEntity m where m.riskId = :r order by m.sortOrder, m.createdAt",
                RiskMeasureEntity.class).setParameter("r", riskId).getResultList();
    }

    public Optional<RiskMeasureEntity> measure(UUID riskId, UUID measureId) {
        RiskMeasureEntity m = em.find(RiskMeasureEntity.class, measureId, LockModeType.PESSIMISTIC_WRITE);
        return m != null && m.riskId.equals(riskId) ? Optional.of(m) : Optional.empty();
    }

    public List<RiskGradingEntity> gradings(UUID riskId) {
        return em.createQuery("select g from RiskGradingEntity g where g.riskId = :r order by g.gradedAt, g.id",
                RiskGradingEntity.class).setParameter("r", riskId).getResultList();
    }

    public List<RiskReviewEntity> reviews(UUID riskId) {
        return em.createQuery("select v from RiskReviewEntity v where v.riskId = :r order by v.reviewedOn desc, v.createdAt desc",
                RiskReviewEntity.class).setParameter("r", riskId).getResultList();
    }

    public List<RiskReportEntity> reports(UUID riskId) {
        return em.createQuery("select p from RiskReportEntity p where p.riskId = :r order by p.createdAt",
                RiskReportEntity.class).setParameter("r", riskId).getResultList();
    }

    public List<RiskObligationEntity> obligationsOf(UUID riskId) {
        return em.createQuery("select o from RiskObligationEntity o where o.riskId = :r order by o.dueAt desc, o.id",
                RiskObligationEntity.class).setParameter("r", riskId).getResultList();
    }

    public Optional<RiskObligationEntity> openObligation(UUID riskId, ObligationKind kind) {
        return em.createQuery("select o from RiskObligationEntity o where o.riskId = :r and o.kind = :k"
                        + " and o.fulfilledAt is null and o.cancelledAt is null", RiskObligationEntity.class)
                .setParameter("r", riskId).setParameter("k", kind)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    /** Open report obligations of these risks: risk id → due moment. */
    public java.util.Map<UUID, java.time.Instant> openReportDue(Collection<UUID> riskIds) {
        java.util.Map<UUID, java.time.Instant> out = new java.util.HashMap<>();
        if (riskIds.isEmpty()) {
            return out;
        }
        em.createQuery("select o.riskId, o.dueAt from RiskObligationEntity o where o.riskId in :r and o.kind = :k"
                        + " and o.fulfilledAt is null and o.cancelledAt is null", Object[].class)
                .setParameter("r", riskIds).setParameter("k", ObligationKind.REPORT).getResultList()
                .forEach(row -> out.put((UUID) row[0], (java.time.Instant) row[1]));
        return out;
    }

    public Optional<RiskMatrixEntity> matrix(int version) {
        return Optional.ofNullable(em.find(RiskMatrixEntity.class, version));
    }

    public RiskMatrixEntity currentMatrix() {
        return em.createQuery("select m from RiskMatrixEntity m order by m.version desc", RiskMatrixEntity.class)
                .setMaxResults(1).getSingleResult();
    }

    public List<RiskMatrixEntity> matrices() {
        return em.createQuery("select m from RiskMatrixEntity m order by m.version desc", RiskMatrixEntity.class).getResultList();
    }

    public Optional<RiskReviewEntity> review(UUID reviewId) {
        return Optional.ofNullable(em.find(RiskReviewEntity.class, reviewId));
    }

    public boolean externalRefTaken(String source, String ref) {
        return !em.createQuery("select r.id from RiskEntity r where r.externalSource = :s and r.externalRef = :x", UUID.class)
                .setParameter("s", source).setParameter("x", ref).setMaxResults(1).getResultList().isEmpty();
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void flush() {
        em.flush();
    }

    public EntityManager em() {
        return em;
    }
}
