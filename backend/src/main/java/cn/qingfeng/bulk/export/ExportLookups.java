package cn.qingfeng.bulk.export;

import cn.qingfeng.measure.MeasureOwnerType;
import cn.qingfeng.task.TaskEnums.AssignmentRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * What an export's page needs beside the list's items, one query per page (never one per row):
 * the units a task went to, the measures of items and risks, and what the journal's records are
 * called. Callers pass ids of rows the list already scoped.
 */
@ApplicationScoped
public class ExportLookups {

    @Inject
    EntityManager em;

    /** A task's unit and its part, in the order the task's page lists them. */
    public record Assigned(UUID unitId, AssignmentRole role) {
    }

    public Map<UUID, List<Assigned>> assignments(Collection<UUID> taskIds) {
        Map<UUID, List<Assigned>> out = new HashMap<>();
        if (taskIds.isEmpty()) {
            return out;
        }
        em.createQuery("select a.taskId, a.unitId, a.role from AssignmentEntity a where a.taskId in :ids"
                        + " order by a.role, a.createdAt, a.id", Object[].class)
                .setParameter("ids", taskIds).getResultStream()
                .forEach(r -> out.computeIfAbsent((UUID) r[0], k -> new java.util.ArrayList<>())
                        .add(new Assigned((UUID) r[1], (AssignmentRole) r[2])));
        return out;
    }

    /** The measures' texts per owner, in their order on the record's page. */
    public Map<UUID, List<String>> measures(MeasureOwnerType type, Collection<UUID> ownerIds) {
        Map<UUID, List<String>> out = new HashMap<>();
        if (ownerIds.isEmpty()) {
            return out;
        }
        em.createQuery("select m.ownerId, m.content from MeasureEntity m where m.ownerType = :t and m.ownerId in :ids"
                        + " order by m.sortOrder, m.createdAt, m.id", Object[].class)
                .setParameter("t", type).setParameter("ids", ownerIds).getResultStream()
                .forEach(r -> out.computeIfAbsent((UUID) r[0], k -> new java.util.ArrayList<>()).add((String) r[1]));
        return out;
    }

    /**
     * What the journal's records are called, by type and id: a task, item or risk by code and
     * title, an assignment by its task's code and its unit (named by {@code unitName}), a measure
     * or an execution record by its text, a review by its risk's code and conclusion, a person by
     * name, a file by its name. Types not named here keep their id.
     */
    public Map<String, String> names(String entityType, Collection<String> ids, Function<UUID, String> unitName) {
        Map<String, String> out = new LinkedHashMap<>();
        switch (entityType) {
            case "unit" -> uuids(ids).forEach(id -> {
                String name = unitName.apply(id);
                if (name != null) {
                    out.put(id.toString(), name);
                }
            });
            case "user" -> em.createQuery("select u.subject, u.displayName from AppUserEntity u where u.subject in :ids", Object[].class)
                    .setParameter("ids", ids).getResultStream().forEach(r -> out.put((String) r[0], (String) r[1]));
            case "risk_matrix" -> ids.forEach(v -> out.put(v, "第 " + v + " 版"));
            default -> {
                String jpql = JPQL.get(entityType);
                List<UUID> uuids = uuids(ids);
                if (jpql != null && !uuids.isEmpty()) {
                    em.createQuery(jpql, Object[].class).setParameter("ids", uuids).getResultStream().forEach(r -> {
                        String second = r[2] instanceof UUID unit ? unitName.apply(unit) : (String) r[2];
                        out.put(r[0].toString(), second == null || second.isEmpty() ? (String) r[1] : r[1] + " " + second);
                    });
                }
            }
        }
        return out;
    }

    /** Per record type: its id, its name, and a second part (text, or a unit id to name). */
    private static final Map<String, String> JPQL = Map.of(
            "task", "select e.id, e.code, e.title from TaskEntity e where e.id in :ids",
            "rectification", "select e.id, e.code, e.title from RectificationItemEntity e where e.id in :ids",
            "risk", "select e.id, e.code, e.name from RiskEntity e where e.id in :ids",
            "task_assignment", "select a.id, t.code, a.unitId from AssignmentEntity a, TaskEntity t where t.id = a.taskId and a.id in :ids",
            "task_record", "select e.id, e.topic, '' from RecordEntity e where e.id in :ids",
            "rectification_measure", "select e.id, e.content, '' from MeasureEntity e where e.id in :ids",
            "risk_measure", "select e.id, e.content, '' from MeasureEntity e where e.id in :ids",
            "risk_review", "select v.id, k.code, v.conclusion from RiskReviewEntity v, RiskEntity k where k.id = v.riskId and v.id in :ids",
            "attachment", "select e.id, e.filename, '' from AttachmentEntity e where e.id in :ids");

    private static List<UUID> uuids(Collection<String> ids) {
        return ids.stream().map(ExportLookups::uuid).filter(java.util.Objects::nonNull).distinct().toList();
    }

    private static UUID uuid(String s) {
        try {
            return s == null ? null : UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
