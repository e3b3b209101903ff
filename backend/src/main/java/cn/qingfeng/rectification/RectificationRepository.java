package cn.qingfeng.rectification;

import cn.qingfeng.common.paging.ListQuery;
import cn.qingfeng.common.scope.DataScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Rectification items belong to their responsible unit; every read for a caller takes the scope. */
@ApplicationScoped
public class RectificationRepository {

    @Inject
    EntityManager em;

    public Optional<RectificationItemEntity> find(UUID id, DataScope scope, boolean lock) {
        RectificationItemEntity i = em.find(RectificationItemEntity.class, id,
                lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE);
        return i != null && scope.contains(i.unitId) ? Optional.of(i) : Optional.empty();
    }

    public ListQuery<RectificationItemEntity> items(DataScope scope) {
        return ListQuery.scoped(em, RectificationItemEntity.class, scope, "e.unitId");
    }

    public List<RectificationMeasureEntity> measures(UUID itemId) {
        return em.createQuery("select m from RectificationMeasureEntity m where m.itemId = :i order by m.sortOrder, m.createdAt",
                RectificationMeasureEntity.class).setParameter("i", itemId).getResultList();
    }

    public Optional<RectificationMeasureEntity> measure(UUID itemId, UUID measureId) {
        RectificationMeasureEntity m = em.find(RectificationMeasureEntity.class, measureId, LockModeType.PESSIMISTIC_WRITE);
        return m != null && m.itemId.equals(itemId) ? Optional.of(m) : Optional.empty();
    }

    public List<RectificationClosureEntity> closures(UUID itemId) {
        return em.createQuery("select c from RectificationClosureEntity c where c.itemId = :i order by c.cycle",
                RectificationClosureEntity.class).setParameter("i", itemId).getResultList();
    }

    public boolean externalRefTaken(String source, String ref) {
        return !em.createQuery("select i.id from RectificationItemEntity i where i.externalSource = :s and i.externalRef = :r", UUID.class)
                .setParameter("s", source).setParameter("r", ref).setMaxResults(1).getResultList().isEmpty();
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
