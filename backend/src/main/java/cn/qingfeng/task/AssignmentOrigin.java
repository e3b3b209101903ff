package cn.qingfeng.task;

import cn.qingfeng.common.origin.OriginRef;
import cn.qingfeng.common.origin.OriginSource;
import cn.qingfeng.common.scope.DataScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Rectification items found while doing an assignment link back to its task. */
@ApplicationScoped
public class AssignmentOrigin implements OriginSource {

    public static final String TYPE = "TASK_ASSIGNMENT";

    @Inject
    TaskRepository tasks;

    @Inject
    AssignmentRepository assignments;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean exists(UUID id) {
        return assignments.find(id, DataScope.everything(), false).isPresent();
    }

    @Override
    public Map<UUID, OriginRef> refs(Collection<UUID> ids, DataScope scope) {
        Map<UUID, OriginRef> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        List<AssignmentEntity> visible = assignments.assignments(scope).where("e.id in :ids", "ids", ids).all("e.id");
        Map<UUID, TaskEntity> byTask = tasks.tasksById(visible.stream().map(a -> a.taskId).distinct().toList());
        for (AssignmentEntity a : visible) {
            TaskEntity t = byTask.get(a.taskId);
            out.put(a.id, new OriginRef(TYPE, a.id, "task", t.id, t.code + " " + t.title));
        }
        return out;
    }
}
