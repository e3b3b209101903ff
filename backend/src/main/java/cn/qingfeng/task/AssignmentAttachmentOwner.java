package cn.qingfeng.task;

import cn.qingfeng.attachment.AttachmentOwner;
import cn.qingfeng.common.ledger.Ledger;
import cn.qingfeng.common.scope.DataScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/** Evidence of an assignment (progress and records), filed as {@link AssignmentLifecycle#ATTACH} allows. */
@ApplicationScoped
public class AssignmentAttachmentOwner implements AttachmentOwner {

    @Inject
    AssignmentRepository assignments;

    @Inject
    Ledger ledger;

    @Override
    public String type() {
        return "TASK_ASSIGNMENT";
    }

    @Override
    public Optional<UUID> unitOf(UUID ownerId, DataScope scope) {
        return assignments.find(ownerId, scope, false).map(a -> a.unitId);
    }

    @Override
    public void checkCanModify(UUID ownerId) {
        ledger.check(assignments, AssignmentLifecycle.ATTACH, ownerId);
    }
}
