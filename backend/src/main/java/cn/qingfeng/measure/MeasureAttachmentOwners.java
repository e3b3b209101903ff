package cn.qingfeng.measure;

import cn.qingfeng.attachment.AttachmentOwner;
import cn.qingfeng.common.ledger.Ledger;
import cn.qingfeng.common.scope.DataScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * Evidence of a measure (RECTIFICATION_MEASURE, RISK_MEASURE): seen by whoever sees the owner,
 * filed as the measure lifecycle's {@code attach} action allows.
 */
public abstract class MeasureAttachmentOwners implements AttachmentOwner {

    @Inject
    MeasureRepository measures;

    @Inject
    MeasureService service;

    @Inject
    Ledger ledger;

    abstract MeasureOwnerType ownerType();

    @Override
    public String type() {
        return ownerType().name() + "_MEASURE";
    }

    @Override
    public Optional<UUID> unitOf(UUID measureId, DataScope scope) {
        return measures.find(measureId).filter(m -> m.ownerType == ownerType())
                .flatMap(m -> service.owner(ownerType()).unitOf(m.ownerId, scope));
    }

    @Override
    public void checkCanModify(UUID measureId) {
        MeasureOwner owner = service.owner(ownerType());
        ledger.check(measures.kind(owner), owner.measures().attach(), measureId);
    }

    @ApplicationScoped
    public static class Rectification extends MeasureAttachmentOwners {
        @Override
        MeasureOwnerType ownerType() {
            return MeasureOwnerType.RECTIFICATION;
        }
    }

    @ApplicationScoped
    public static class Risk extends MeasureAttachmentOwners {
        @Override
        MeasureOwnerType ownerType() {
            return MeasureOwnerType.RISK;
        }
    }
}
