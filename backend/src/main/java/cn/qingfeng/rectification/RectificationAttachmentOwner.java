package cn.qingfeng.rectification;

import cn.qingfeng.attachment.AttachmentOwner;
import cn.qingfeng.common.ledger.Ledger;
import cn.qingfeng.common.scope.DataScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * Evidence of an item (RECTIFICATION), filed as {@link RectificationLifecycle#ATTACH} allows. Files
 * may change after a close-off: the close-off keeps the list it was granted on, so a difference shows.
 */
@ApplicationScoped
public class RectificationAttachmentOwner implements AttachmentOwner {

    @Inject
    RectificationRepository items;

    @Inject
    Ledger ledger;

    @Override
    public String type() {
        return RectificationRepository.EVIDENCE_ITEM;
    }

    @Override
    public Optional<UUID> unitOf(UUID ownerId, DataScope scope) {
        return items.find(ownerId, scope, false).map(i -> i.unitId);
    }

    @Override
    public void checkCanModify(UUID ownerId) {
        ledger.check(items, RectificationLifecycle.ATTACH, ownerId);
    }
}
