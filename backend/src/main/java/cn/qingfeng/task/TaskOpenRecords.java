package cn.qingfeng.task;

import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.task.TaskEnums.AssignmentStatus;
import cn.qingfeng.unit.UnitOpenRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/** A unit with open assignments cannot be deactivated: someone must still finish them. */
@ApplicationScoped
public class TaskOpenRecords implements UnitOpenRecords {

    @Inject
    AssignmentRepository assignments;

    @Override
    public String kind() {
        return "task-assignment";
    }

    @Override
    public long countOpen(UUID unitId) {
        return assignments.assignments(DataScope.everything()).where("e.unitId = :u", "u", unitId)
                .where("e.status in :open", "open", AssignmentRepository.OPEN).count();
    }

    @Override
    public String label() {
        return "承办事项";
    }

    @Override
    public Set<UUID> withOpen(Collection<UUID> unitIds) {
        return assignments.unitsWithOpen(unitIds);
    }
}
