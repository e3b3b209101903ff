package cn.qingfeng.task;

import cn.qingfeng.attachment.AttachmentOwner;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/** Evidence of an assignment (progress and records): filed by the unit's officers while they work on it. */
@ApplicationScoped
public class AssignmentAttachmentOwner implements AttachmentOwner {

    @Inject
    TaskRepository tasks;

    @Inject
    CurrentUser user;

    @Override
    public String type() {
        return "TASK_ASSIGNMENT";
    }

    @Override
    public Optional<UUID> unitOf(UUID ownerId, DataScope scope) {
        return tasks.findAssignment(ownerId, scope, false).map(a -> a.unitId);
    }

    @Override
    public void checkCanModify(UUID ownerId) {
        if (!user.hasAnyRole(Roles.UNIT_OFFICER, Roles.SUPERVISOR)) {
            throw new ProblemException(403, "forbidden", "Forbidden", "你的角色不能为承办事项上传或撤回文件");
        }
        AssignmentEntity a = tasks.findAssignment(ownerId, DataScope.everything(), false).orElseThrow();
        if (a.status != cn.qingfeng.task.TaskEnums.AssignmentStatus.IN_PROGRESS) {
            // Evidence is filed while the unit works on it; what was submitted stays as reviewed.
            throw ProblemException.conflict("assignment.not-in-progress", "只有办理中的承办事项可以上传或撤回佐证材料");
        }
    }
}
