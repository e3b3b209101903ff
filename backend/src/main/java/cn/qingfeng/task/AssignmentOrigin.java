package cn.qingfeng.task;

import cn.qingfeng.common.origin.OriginRef;
import cn.qingfeng.common.origin.OriginSource;
import cn.qingfeng.common.scope.DataScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Rectification items found while doing an assignment link back to its task. */
@ApplicationScoped
public class AssignmentOrigin implements OriginSource {

    public static final String TYPE = "TASK_ASSIGNMENT";

    @Inject
    TaskRepository tasks;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean exists(UUID id) {
        return tasks.em().find(AssignmentEntity.class, id) != null;
    }

    @Override
    public Map<UUID, OriginRef> refs(Collection<UUID> ids, DataScope scope) {
        Map<UUID, OriginRef> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        tasks.em().createQuery("select a.id, t.id, t.code, t.title, a.unitId from AssignmentEntity a, TaskEntity t"
                        + " where t.id = a.taskId and a.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList().stream()
                .filter(row -> scope.contains((UUID) row[4]))
                .forEach(row -> out.put((UUID) row[0], new OriginRef(TYPE, (UUID) row[0], "task", (UUID) row[1],
                        row[2] + " " + row[3])));
        return out;
    }
}
