package cn.qingfeng.task;

import cn.qingfeng.attachment.AttachmentOwner;
import cn.qingfeng.common.scope.DataScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/** Evidence of one execution record (sign-in sheet, photos): the same rules as its assignment. */
@ApplicationScoped
public class RecordAttachmentOwner implements AttachmentOwner {

    @Inject
    TaskRepository tasks;

    @Inject
    AssignmentAttachmentOwner assignments;

    @Override
    public String type() {
        return "TASK_RECORD";
    }

    @Override
    public Optional<UUID> unitOf(UUID ownerId, DataScope scope) {
        RecordEntity r = tasks.em().find(RecordEntity.class, ownerId);
        return r == null ? Optional.empty() : assignments.unitOf(r.assignmentId, scope);
    }

    @Override
    public void checkCanModify(UUID ownerId) {
        assignments.checkCanModify(tasks.em().find(RecordEntity.class, ownerId).assignmentId);
    }
}
