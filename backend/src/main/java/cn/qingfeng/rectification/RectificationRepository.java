package cn.qingfeng.rectification;

import cn.qingfeng.attachment.AttachmentService;
import cn.qingfeng.common.ledger.Lifecycle;
import cn.qingfeng.common.ledger.RecordKind;
import cn.qingfeng.common.paging.ListQuery;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.measure.MeasureEntity;
import cn.qingfeng.measure.MeasureOwnerType;
import cn.qingfeng.measure.MeasureRepository;
import cn.qingfeng.rectification.RectificationEnums.Status;
import cn.qingfeng.unit.UnitOpenRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
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

/** Rectification items belong to their responsible unit; every read for a caller takes the scope. */
@ApplicationScoped
public class RectificationRepository implements RecordKind<Status, RectificationItemEntity, RectificationFacts> {

    static final String EVIDENCE_ITEM = "RECTIFICATION";
    static final String EVIDENCE_MEASURE = "RECTIFICATION_MEASURE";

    /** A unit with items not yet closed off cannot be deactivated. */
    @Produces
    static final UnitOpenRecords OPEN = new UnitOpenRecords("rectification", "整改事项", RectificationItemEntity.class,
            "e.status <> :open", Status.CLOSED);

    @Inject
    EntityManager em;

    @Inject
    MeasureRepository measures;

    @Inject
    AttachmentService attachments;

    @Override
    public Lifecycle<Status, RectificationFacts> lifecycle() {
        return RectificationLifecycle.ITEM;
    }

    @Override
    public Optional<RectificationItemEntity> find(UUID id, DataScope scope, boolean lock) {
        RectificationItemEntity i = em.find(RectificationItemEntity.class, id,
                lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE);
        return i != null && scope.contains(i.unitId) ? Optional.of(i) : Optional.empty();
    }

    /** Measures and evidence of many items in three queries, whatever their number. */
    @Override
    public List<RectificationFacts> facts(List<RectificationItemEntity> list) {
        List<UUID> ids = list.stream().map(i -> i.id).toList();
        List<MeasureRepository.Brief> briefs = measures.briefs(MeasureOwnerType.RECTIFICATION, ids);
        Map<UUID, MeasureRepository.Counts> counts = MeasureRepository.counts(briefs);
        Map<UUID, Long> files = new HashMap<>(attachments.currentCounts(EVIDENCE_ITEM, ids));
        Map<UUID, UUID> itemOf = new HashMap<>();
        briefs.forEach(b -> itemOf.put(b.id(), b.ownerId()));
        attachments.currentCounts(EVIDENCE_MEASURE, itemOf.keySet())
                .forEach((measureId, n) -> files.merge(itemOf.get(measureId), n, Long::sum));
        return list.stream().map(i -> {
            MeasureRepository.Counts c = counts.getOrDefault(i.id, MeasureRepository.Counts.NONE);
            return new RectificationFacts(i, c.total(), c.open(), files.getOrDefault(i.id, 0L));
        }).toList();
    }

    public ListQuery<RectificationItemEntity> items(DataScope scope) {
        return ListQuery.scoped(em, RectificationItemEntity.class, scope, "e.unitId");
    }

    public ListQuery<RectificationProgressEntity> progressOf(UUID itemId) {
        return ListQuery.unscoped(em, RectificationProgressEntity.class).where("e.itemId = :i", "i", itemId);
    }

    public List<MeasureEntity> measures(UUID itemId) {
        return measures.of(MeasureOwnerType.RECTIFICATION, itemId);
    }

    public List<RectificationClosureEntity> closures(UUID itemId) {
        return em.createQuery("select c from RectificationClosureEntity c where c.itemId = :i order by c.cycle",
                RectificationClosureEntity.class).setParameter("i", itemId).getResultList();
    }

    public Map<UUID, RectificationItemEntity> byIds(Collection<UUID> ids) {
        Map<UUID, RectificationItemEntity> out = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select i from RectificationItemEntity i where i.id in :ids", RectificationItemEntity.class)
                    .setParameter("ids", ids).getResultList().forEach(i -> out.put(i.id, i));
        }
        return out;
    }

    /** The item a source's reference is registered for, whoever may see it. */
    public java.util.Optional<cn.qingfeng.common.ledger.ExternalRefs.Existing> externalRefTaken(String source, String ref) {
        return items(DataScope.everything()).where("e.externalSource = :s", "s", source).where("e.externalRef = :r", "r", ref)
                .first("e.id", 1).stream().findFirst().map(i -> new cn.qingfeng.common.ledger.ExternalRefs.Existing(i.id, i.code));
    }

    public boolean isEmpty() {
        return !items(DataScope.everything()).exists();
    }

    /**
     * One pass over the items found in a period: counts per status, source, category, severity and
     * unit, with how many time-limited ones were closed and closed by their deadline (Asia/Shanghai).
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> statsRows(LocalDate from, LocalDate to, DataScope scope) {
        var q = em.createNativeQuery("select status, source, category, severity, cast(unit_id as text), count(*),"
                        + " count(*) filter (where status = 'CLOSED' and kind = 'TIME_LIMITED'),"
                        + " count(*) filter (where status = 'CLOSED' and kind = 'TIME_LIMITED'"
                        + "   and (closed_at at time zone 'Asia/Shanghai')::date <= deadline)"
                        + " from rectification_item where found_on >= :from and found_on <= :to"
                        + (scope.all() ? "" : " and unit_id in (:scopeUnits)")
                        + " group by 1, 2, 3, 4, 5")
                .setParameter("from", from).setParameter("to", to);
        if (!scope.all()) {
            q.setParameter("scopeUnits", scope.unitIds());
        }
        return q.getResultList();
    }

    /** A lock for the demo data's seeding: several instances may start together. */
    public void lockForSeeding() {
        em.createNativeQuery("select pg_advisory_xact_lock(7105005)").getSingleResult();
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void flush() {
        em.flush();
    }

    /** The record a spreadsheet row names: by its code when it gives one, else by its source and external reference. */
    public java.util.Optional<RectificationItemEntity> byCodeOrExternalRef(String code, String source, String ref) {
        if (code != null) {
            return em.createQuery("select e from RectificationItemEntity e where e.code = :c", RectificationItemEntity.class)
                    .setParameter("c", code).getResultStream().findFirst();
        }
        if (ref == null) {
            return java.util.Optional.empty();
        }
        return em.createQuery("select e from RectificationItemEntity e where e.externalSource = :s and e.externalRef = :r", RectificationItemEntity.class)
                .setParameter("s", source).setParameter("r", ref).getResultStream().findFirst();
    }
}
