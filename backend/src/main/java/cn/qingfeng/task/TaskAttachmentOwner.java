package cn.qingfeng.task;

import cn.qingfeng.attachment.AttachmentOwner;
import cn.qingfeng.common.ledger.Ledger;
import cn.qingfeng.common.scope.DataScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * A task's own documents (TASK: the OA document it was issued from, a notice), filed as
 * {@link TaskLifecycle#ATTACH} allows; whoever sees the task reads them. Filed under the issuing unit.
 */
@ApplicationScoped
public class TaskAttachmentOwner implements AttachmentOwner {

    @Inject
    TaskRepository tasks;

    @Inject
    Ledger ledger;

    @Override
    public String type() {
        return "TASK";
    }

    @Override
    public Optional<UUID> unitOf(UUID ownerId, DataScope scope) {
        return tasks.find(ownerId, scope, false).map(t -> t.issuingUnitId);
    }

    @Override
    public void checkCanModify(UUID ownerId) {
        ledger.check(tasks, TaskLifecycle.ATTACH, ownerId);
    }
}
