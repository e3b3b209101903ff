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
     * title, an assignment by its task's code and its unit (given by {@code unitName}).
     */
    public Map<String, String> names(String entityType, Collection<String> ids, java.util.function.Function<UUID, String> unitName) {
        List<UUID> uuids = ids.stream().map(ExportLookups::uuid).filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, String> out = new LinkedHashMap<>();
        if (uuids.isEmpty()) {
            return out;
        }
        String jpql = switch (entityType) {
            case "task" -> "select e.id, e.code, e.title from TaskEntity e where e.id in :ids";
            case "rectification" -> "select e.id, e.code, e.title from RectificationItemEntity e where e.id in :ids";
            case "risk" -> "select e.id, e.code, e.name from RiskEntity e where e.id in :ids";
            case "task_assignment" -> "select a.id, t.code, a.unitId from AssignmentEntity a, TaskEntity t"
                    + " where t.id = a.taskId and a.id in :ids";
            case "attachment" -> "select e.id, e.filename, '' from AttachmentEntity e where e.id in :ids";
            default -> null;
        };
        if (entityType.equals("unit")) {
            uuids.forEach(id -> {
                String name = unitName.apply(id);
                if (name != null) {
                    out.put(id.toString(), name);
                }
            });
            return out;
        }
        if (jpql == null) {
            return out;
        }
        em.createQuery(jpql, Object[].class).setParameter("ids", uuids).getResultStream().forEach(r -> {
            String second = r[2] instanceof UUID unit ? unitName.apply(unit) : (String) r[2];
            out.put(r[0].toString(), second == null || second.isEmpty() ? (String) r[1] : r[1] + " " + second);
        });
        return out;
    }

    private static UUID uuid(String s) {
        try {
            return s == null ? null : UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
