package cn.qingfeng.risk;

import cn.qingfeng.common.ledger.Lifecycle;
import cn.qingfeng.common.ledger.RecordKind;
import cn.qingfeng.measure.MeasureOwnerType;
import cn.qingfeng.measure.MeasureRepository;
import cn.qingfeng.risk.RiskEnums.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import cn.qingfeng.common.paging.ListQuery;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.risk.RiskEnums.ObligationKind;
import cn.qingfeng.unit.UnitOpenRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Risks belong to their unit; every read for a caller takes the scope. */
@ApplicationScoped
public class RiskRepository implements RecordKind<Status, RiskEntity, RiskFacts> {

    /** A unit with risks not yet closed cannot be deactivated. */
    @Produces
    static final UnitOpenRecords OPEN = new UnitOpenRecords("risk", "风险", RiskEntity.class, "e.status <> :open", Status.CLOSED);

    @Inject
    EntityManager em;

    @Inject
    MeasureRepository measureRows;

    @Override
    public Lifecycle<Status, RiskFacts> lifecycle() {
        return RiskLifecycle.RISK;
    }

    @Override
    public Optional<RiskEntity> find(UUID id, DataScope scope, boolean lock) {
        RiskEntity r = em.find(RiskEntity.class, id, lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE);
        return r != null && scope.contains(r.unitId) ? Optional.of(r) : Optional.empty();
    }

    /** Measure counts of many risks in one query, and the newest matrix version. */
    @Override
    public List<RiskFacts> facts(List<RiskEntity> list) {
        Map<UUID, MeasureRepository.Counts> counts = MeasureRepository.counts(
                measureRows.briefs(MeasureOwnerType.RISK, list.stream().map(r -> r.id).toList()));
        int current = list.isEmpty() ? 0 : currentMatrix().version;
        return list.stream().map(r -> {
            MeasureRepository.Counts c = counts.getOrDefault(r.id, MeasureRepository.Counts.NONE);
            return new RiskFacts(r, c.total(), c.open(), current);
        }).toList();
    }

    public Map<UUID, RiskEntity> byIds(Collection<UUID> ids) {
        Map<UUID, RiskEntity> out = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select r from RiskEntity r where r.id in :ids", RiskEntity.class)
                    .setParameter("ids", ids).getResultList().forEach(r -> out.put(r.id, r));
        }
        return out;
    }

    /** Reviews with their risks, for links from the records they opened. */
    public List<Object[]> reviewsWithRisks(Collection<UUID> reviewIds) {
        if (reviewIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select v, r from RiskReviewEntity v, RiskEntity r where r.id = v.riskId and v.id in :ids", Object[].class)
                .setParameter("ids", reviewIds).getResultList();
    }

    /** A risk's open obligations (reviews and reports owed), read without locking them. */
    public List<RiskObligationEntity> openObligations(UUID riskId) {
        return em.createQuery("select o from RiskObligationEntity o where o.riskId = :r"
                        + " and o.fulfilledAt is null and o.cancelledAt is null order by o.dueAt, o.id", RiskObligationEntity.class)
                .setParameter("r", riskId).getResultList();
    }

    /** Obligations past due and not yet flagged, claimed for this instance (FOR UPDATE SKIP LOCKED). */
    public List<RiskObligationEntity> claimMissed(Instant now, int batch) {
        return em.createQuery("select o from RiskObligationEntity o"
                        + " where o.fulfilledAt is null and o.cancelledAt is null and o.missedFlaggedAt is null"
                        + " and o.dueAt < :now order by o.dueAt, o.id", RiskObligationEntity.class)
                .setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint(org.hibernate.cfg.AvailableSettings.JAKARTA_LOCK_TIMEOUT, -2) // SKIP LOCKED
                .setMaxResults(batch)
                .getResultList();
    }

    /** Locks against concurrent seeding or matrix publishing. */
    public void advisoryLock(long key) {
        em.createNativeQuery("select pg_advisory_xact_lock(" + key + ")").getSingleResult();
    }

    public ListQuery<RiskEntity> risks(DataScope scope) {
        return ListQuery.scoped(em, RiskEntity.class, scope, "e.unitId");
    }

    public ListQuery<RiskObligationEntity> obligations(DataScope scope) {
        return ListQuery.scoped(em, RiskObligationEntity.class, scope, "e.unitId");
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

    /** The risk a source's reference is registered for, whoever may see it. */
    public java.util.Optional<cn.qingfeng.common.ledger.ExternalRefs.Existing> externalRefTaken(String source, String ref) {
        return risks(DataScope.everything()).where("e.externalSource = :s", "s", source).where("e.externalRef = :x", "x", ref)
                .first("e.id", 1).stream().findFirst().map(r -> new cn.qingfeng.common.ledger.ExternalRefs.Existing(r.id, r.code));
    }

    public boolean isEmpty() {
        return !risks(DataScope.everything()).exists();
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void flush() {
        em.flush();
    }

    /** The record a spreadsheet row names: by its code when it gives one, else by its source and external reference. */
    public java.util.Optional<RiskEntity> byCodeOrExternalRef(String code, String source, String ref) {
        if (code != null) {
            return em.createQuery("select e from RiskEntity e where e.code = :c", RiskEntity.class)
                    .setParameter("c", code).getResultStream().findFirst();
        }
        if (ref == null) {
            return java.util.Optional.empty();
        }
        return em.createQuery("select e from RiskEntity e where e.externalSource = :s and e.externalRef = :r", RiskEntity.class)
                .setParameter("s", source).setParameter("r", ref).getResultStream().findFirst();
    }
}
