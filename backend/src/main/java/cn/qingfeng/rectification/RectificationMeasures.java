package cn.qingfeng.rectification;

import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.measure.MeasureLifecycles;
import cn.qingfeng.measure.MeasureOwner;
import cn.qingfeng.measure.MeasureOwnerType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Rectification items as owners of measures (整改措施): changed while the item is being worked on. */
@ApplicationScoped
public class RectificationMeasures implements MeasureOwner {

    @Inject
    RectificationRepository items;

    @Override
    public MeasureOwnerType type() {
        return MeasureOwnerType.RECTIFICATION;
    }

    @Override
    public MeasureLifecycles.Measures measures() {
        return RectificationLifecycle.MEASURES;
    }

    @Override
    public Optional<UUID> unitOf(UUID ownerId, DataScope scope) {
        return items.find(ownerId, scope, false).map(i -> i.unitId);
    }

    @Override
    public Map<UUID, OwnerState> states(Collection<UUID> ownerIds) {
        Map<UUID, OwnerState> out = new HashMap<>();
        items.byIds(ownerIds).forEach((id, i) -> out.put(id, new OwnerState(i.code, i.status.name(),
                RectificationLifecycle.ITEM.stateLabel(i.status), RectificationLifecycle.takesMeasures(i.status))));
        return out;
    }

    @Override
    public void measureOpened(UUID ownerId) {
        // An item's state does not depend on its measures until it applies for close-off.
    }
}
