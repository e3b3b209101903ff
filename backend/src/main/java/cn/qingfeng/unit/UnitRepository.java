package cn.qingfeng.unit;

import cn.qingfeng.common.ledger.Lifecycle;
import cn.qingfeng.common.ledger.RecordKind;
import jakarta.enterprise.inject.Instance;
import cn.qingfeng.common.paging.ListQuery;
import cn.qingfeng.common.scope.DataScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Units. Reads for callers take their {@link DataScope}; the unscoped ones serve the server's own checks. */
@ApplicationScoped
public class UnitRepository implements RecordKind<UnitState, UnitEntity, UnitFacts> {

    @Inject
    EntityManager em;

    @Inject
    Instance<UnitOpenRecords> openRecords;

    @Override
    public Lifecycle<UnitState, UnitFacts> lifecycle() {
        return UnitLifecycle.UNIT;
    }

    /** Locked for a change: the tree's changes take turns ({@link #lockTree}), then the unit itself. */
    @Override
    public Optional<UnitEntity> find(UUID id, DataScope scope, boolean lock) {
        if (!lock) {
            return find(id, scope);
        }
        lockTree();
        return findForUpdate(id, scope);
    }

    /** Active children, the parent's state and the ledgers with open records, for many units in a few queries. */
    @Override
    public List<UnitFacts> facts(List<UnitEntity> list) {
        List<UUID> ids = list.stream().map(u -> u.id).toList();
        java.util.Map<UUID, Long> children = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select u.parentId, count(u) from UnitEntity u where u.parentId in :ids and u.active = true"
                    + " group by u.parentId", Object[].class).setParameter("ids", ids).getResultList()
                    .forEach(r -> children.put((UUID) r[0], (Long) r[1]));
        }
        java.util.Set<UUID> activeParents = new java.util.HashSet<>();
        List<UUID> parentIds = list.stream().map(u -> u.parentId).filter(java.util.Objects::nonNull).distinct().toList();
        if (!parentIds.isEmpty()) {
            activeParents.addAll(em.createQuery("select u.id from UnitEntity u where u.id in :ids and u.active = true", UUID.class)
                    .setParameter("ids", parentIds).getResultList());
        }
        java.util.Map<UUID, java.util.Set<String>> open = new java.util.HashMap<>();
        for (UnitOpenRecords kind : openRecords) {
            withOpen(kind, ids).forEach(id -> open.computeIfAbsent(id, k -> new java.util.LinkedHashSet<>()).add(kind.label()));
        }
        return list.stream().map(u -> new UnitFacts(u, children.getOrDefault(u.id, 0L),
                u.parentId == null || activeParents.contains(u.parentId), open.getOrDefault(u.id, java.util.Set.of()),
                () -> openCounts(u.id))).toList();
    }

    /** Which of these units still have an open record of the kind: an existence check per unit, not a count. */
    private List<UUID> withOpen(UnitOpenRecords kind, List<UUID> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select u.id from UnitEntity u where u.id in :ids and exists (select 1 from "
                        + kind.entity().getSimpleName() + " e where e.unitId = u.id and " + kind.open() + ")", UUID.class)
                .setParameter("ids", unitIds).setParameter("open", kind.value()).getResultList();
    }

    /** Open records of a unit per kind, for an admin who must close them first. */
    java.util.Map<String, Long> openCounts(UUID unitId) {
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (UnitOpenRecords kind : openRecords) {
            long n = em.createQuery("select count(e) from " + kind.entity().getSimpleName() + " e where e.unitId = :u and "
                    + kind.open(), Long.class).setParameter("u", unitId).setParameter("open", kind.value()).getSingleResult();
            if (n > 0) {
                counts.put(kind.kind(), n);
            }
        }
        return counts;
    }

    /** A unit the caller may see, or empty (the caller gets 404 either way). */
    public Optional<UnitEntity> find(UUID id, DataScope scope) {
        UnitEntity u = em.find(UnitEntity.class, id);
        return u != null && scope.contains(u.id) ? Optional.of(u) : Optional.empty();
    }

    /** Same, locked for update: changes to one unit are applied one at a time. */
    public Optional<UnitEntity> findForUpdate(UUID id, DataScope scope) {
        return find(id, scope).map(u -> {
            em.lock(u, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(u);
            return u;
        });
    }

    public ListQuery<UnitEntity> list(DataScope scope) {
        return ListQuery.scoped(em, UnitEntity.class, scope, "e.id");
    }

    /** Every unit in scope, ordered for building a tree (parents before children). */
    public List<UnitEntity> allInScope(DataScope scope, boolean includeInactive) {
        String jpql = "select e from UnitEntity e" + (scope.all() ? " where 1 = 1" : " where e.id in :scopeUnits")
                + (includeInactive ? "" : " and e.active = true") + " order by e.depth, e.sortOrder, e.code";
        var query = em.createQuery(jpql, UnitEntity.class);
        if (!scope.all()) {
            if (scope.unitIds().isEmpty()) {
                return List.of();
            }
            query.setParameter("scopeUnits", scope.unitIds());
        }
        return query.getResultList();
    }

    /** Short references of the given units, for showing them in other records. */
    public java.util.Map<UUID, UnitRef> refs(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return em.createQuery("select u from UnitEntity u where u.id in :ids", UnitEntity.class)
                .setParameter("ids", ids).getResultStream()
                .collect(java.util.stream.Collectors.toMap(u -> u.id, UnitRef::of));
    }

    public Optional<UnitEntity> byCode(String code) {
        return em.createQuery("select u from UnitEntity u where u.code = :code", UnitEntity.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    /** Ids of the unit and every unit below it. */
    public List<UUID> subtreeIds(UnitEntity root) {
        return em.createQuery("select u.id from UnitEntity u where u.path like :prefix", UUID.class)
                .setParameter("prefix", root.path + "%").getResultList();
    }

    public boolean isEmpty() {
        return em.createQuery("select count(u) from UnitEntity u", Long.class).getSingleResult() == 0;
    }

    public void persist(UnitEntity unit) {
        em.persist(unit);
    }

    public void flush() {
        em.flush();
    }

    /**
     * Changes of the tree (create, move, (de)activate) take turns: a move rewrites a whole subtree's
     * paths, which a concurrent insert below it would escape.
     */
    public void lockTree() {
        em.createNativeQuery("select pg_advisory_xact_lock(7105002)").getSingleResult();
    }

    /** Re-roots the descendants' paths after a move (the moved unit itself is updated as an entity). */
    public void rewriteDescendantPaths(String oldPrefix, String newPrefix, int depthDelta, java.time.Instant now) {
        em.flush();
        em.createNativeQuery("update unit set path = :newPrefix || substr(path, length(:oldPrefix) + 1),"
                        + " depth = depth + :delta, version = version + 1, updated_at = :now"
                        + " where path like :like and path <> :newPrefix")
                .setParameter("now", now)
                .setParameter("newPrefix", newPrefix)
                .setParameter("oldPrefix", oldPrefix)
                .setParameter("delta", depthDelta)
                .setParameter("like", oldPrefix.replace("_", "\\_").replace("%", "\\%") + "%")
                .executeUpdate();
    }
}
