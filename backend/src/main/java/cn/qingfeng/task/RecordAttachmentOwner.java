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
    AssignmentRepository assignments;

    @Inject
    AssignmentAttachmentOwner assignment;

    @Override
    public String type() {
        return "TASK_RECORD";
    }

    @Override
    public Optional<UUID> unitOf(UUID ownerId, DataScope scope) {
        return assignments.record(ownerId).flatMap(r -> assignment.unitOf(r.assignmentId, scope));
    }

    @Override
    public void checkCanModify(UUID ownerId) {
        assignment.checkCanModify(assignments.record(ownerId).orElseThrow().assignmentId);
    }
}
