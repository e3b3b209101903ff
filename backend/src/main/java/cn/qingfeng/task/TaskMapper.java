package cn.qingfeng.task;

import cn.qingfeng.common.ledger.AllowedAction;
import cn.qingfeng.common.mapping.ViewMapping;
import cn.qingfeng.common.origin.OriginRef;
import cn.qingfeng.common.warning.Warning;
import cn.qingfeng.task.TaskViews.AssignmentView;
import cn.qingfeng.task.TaskViews.ProgressView;
import cn.qingfeng.task.TaskViews.RecordView;
import cn.qingfeng.task.TaskViews.TaskView;
import cn.qingfeng.task.TaskViews.UrgeView;
import cn.qingfeng.unit.UnitRef;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** The tasks ledger's entities to views; what an entity does not hold comes as a parameter. */
@Mapper(config = ViewMapping.class)
public interface TaskMapper {

    @Mapping(target = "id", source = "task.id")
    @Mapping(target = "code", source = "task.code")
    TaskView task(TaskEntity task, UnitRef issuingUnit, OriginRef origin, Warning warning, List<AllowedAction> allowedActions);

    @Mapping(target = "taskCode", source = "task.code")
    @Mapping(target = "taskTitle", source = "task.title")
    @Mapping(target = "taskCategory", source = "task.category")
    @Mapping(target = "id", source = "assignment.id")
    @Mapping(target = "taskId", source = "assignment.taskId")
    @Mapping(target = "status", source = "assignment.status")
    @Mapping(target = "deadline", source = "assignment.deadline")
    @Mapping(target = "version", source = "assignment.version")
    @Mapping(target = "completedAt", source = "assignment.completedAt")
    AssignmentView assignment(AssignmentEntity assignment, TaskEntity task, UnitRef unit, Warning warning, long openUrges,
                              List<AllowedAction> allowedActions);

    ProgressView progress(ProgressEntity progress);

    RecordView record(RecordEntity record);

    UrgeView urge(UrgeEntity urge);
}
