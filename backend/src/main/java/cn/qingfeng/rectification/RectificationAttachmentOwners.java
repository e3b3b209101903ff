package cn.qingfeng.rectification;

import cn.qingfeng.attachment.AttachmentOwner;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * Evidence of an item (RECTIFICATION) or of one of its measures (RECTIFICATION_MEASURE), filed by
 * the unit's officers or supervisors. Files may change after a close-off: the close-off keeps the
 * list it was granted on, so the difference shows.
 */
public final class RectificationAttachmentOwners {

    private RectificationAttachmentOwners() {
    }

    static void checkRole(CurrentUser user) {
        if (!user.hasAnyRole(Roles.UNIT_OFFICER, Roles.SUPERVISOR)) {
            throw new ProblemException(403, "forbidden", "Forbidden", "你的角色不能为整改事项上传或撤回佐证材料");
        }
    }

    @ApplicationScoped
    public static class Item implements AttachmentOwner {
        @Inject
        RectificationRepository items;
        @Inject
        CurrentUser user;

        @Override
        public String type() {
            return RectificationService.EVIDENCE_ITEM;
        }

        @Override
        public Optional<UUID> unitOf(UUID ownerId, DataScope scope) {
            return items.find(ownerId, scope, false).map(i -> i.unitId);
        }

        @Override
        public void checkCanModify(UUID ownerId) {
            checkRole(user);
        }
    }

    @ApplicationScoped
    public static class Measure implements AttachmentOwner {
        @Inject
        RectificationRepository items;
        @Inject
        CurrentUser user;

        @Override
        public String type() {
            return RectificationService.EVIDENCE_MEASURE;
        }

        @Override
        public Optional<UUID> unitOf(UUID ownerId, DataScope scope) {
            RectificationMeasureEntity m = items.em().find(RectificationMeasureEntity.class, ownerId);
            return m == null ? Optional.empty() : items.find(m.itemId, scope, false).map(i -> i.unitId);
        }

        @Override
        public void checkCanModify(UUID ownerId) {
            checkRole(user);
        }
    }
}
