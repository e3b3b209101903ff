package cn.qingfeng.unit;

import cn.qingfeng.attachment.AttachmentOwner;
import cn.qingfeng.common.ledger.Ledger;
import cn.qingfeng.common.scope.DataScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/** A unit's own documents (e.g. its signed 责任书), filed as {@link UnitLifecycle#ATTACH} allows; read by whoever sees the unit. */
@ApplicationScoped
public class UnitAttachmentOwner implements AttachmentOwner {

    @Inject
    UnitRepository units;

    @Inject
    Ledger ledger;

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
        ledger.check(units, UnitLifecycle.ATTACH, ownerId);
    }
}
