package cn.qingfeng.unit;

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
 * A unit's own documents (e.g. its signed 责任书). Admins and supervisors may file them for any
 * unit, a unit officer for the units in their scope; everyone who sees the unit may read them.
 */
@ApplicationScoped
public class UnitAttachmentOwner implements AttachmentOwner {

    @Inject
    UnitRepository units;

    @Inject
    CurrentUser user;

    @Override
    public String type() {
        return "UNIT";
    }

    @Override
    public Optional<UUID> unitOf(UUID ownerId, DataScope scope) {
        return units.find(ownerId, scope).map(u -> u.id);
    }

    @Override
    public void checkCanModify(UUID ownerId) {
        if (!user.hasAnyRole(Roles.ADMIN, Roles.SUPERVISOR, Roles.UNIT_OFFICER)) {
            throw new ProblemException(403, "forbidden", "Forbidden", "你的角色不能为单位上传或撤回文件");
        }
    }
}
