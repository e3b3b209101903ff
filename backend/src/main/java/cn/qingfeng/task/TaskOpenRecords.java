package cn.qingfeng.task;

import cn.qingfeng.task.TaskEnums.AssignmentStatus;
import cn.qingfeng.unit.UnitOpenRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** A unit with open assignments cannot be deactivated: someone must still finish them. */
@ApplicationScoped
public class TaskOpenRecords implements UnitOpenRecords {

    @Inject
    TaskRepository tasks;

    @Override
    public String kind() {
        return "task-assignment";
    }

    @Override
    public long countOpen(UUID unitId) {
        return tasks.em().createQuery("select count(a) from AssignmentEntity a where a.unitId = :u and a.status in :open", Long.class)
                .setParameter("u", unitId)
                .setParameter("open", List.of(AssignmentStatus.PENDING, AssignmentStatus.IN_PROGRESS, AssignmentStatus.SUBMITTED))
                .getSingleResult();
    }
}
