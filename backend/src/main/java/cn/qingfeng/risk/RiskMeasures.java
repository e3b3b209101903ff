package cn.qingfeng.risk;

import cn.qingfeng.common.ledger.Ledger;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.journal.Changes;
import cn.qingfeng.measure.MeasureLifecycles;
import cn.qingfeng.measure.MeasureOwner;
import cn.qingfeng.measure.MeasureOwnerType;
import cn.qingfeng.risk.RiskEnums.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Risks as owners of control measures (管控措施): changed while the risk is open. */
@ApplicationScoped
public class RiskMeasures implements MeasureOwner {

    @Inject
    RiskRepository risks;

    @Inject
    Ledger ledger;

    @Override
    public MeasureOwnerType type() {
        return MeasureOwnerType.RISK;
    }

    @Override
    public MeasureLifecycles.Measures measures() {
        return RiskLifecycle.MEASURES;
    }

    @Override
    public Optional<UUID> unitOf(UUID ownerId, DataScope scope) {
        return risks.find(ownerId, scope, false).map(r -> r.unitId);
    }

    @Override
    public Map<UUID, OwnerState> states(Collection<UUID> ownerIds) {
        Map<UUID, OwnerState> out = new HashMap<>();
        risks.byIds(ownerIds).forEach((id, r) -> out.put(id, new OwnerState(r.code, r.status.name(),
                RiskLifecycle.RISK.stateLabel(r.status), RiskLifecycle.OPEN.contains(r.status))));
        return out;
    }

    /** 已受控 needs every measure done: an open one means the risk is being controlled again. */
    @Override
    public void measureOpened(UUID ownerId) {
        RiskEntity r = risks.find(ownerId, DataScope.everything(), true).orElseThrow();
        if (r.status == Status.CONTROLLED) {
            ledger.record(RiskLifecycle.RESUME_CONTROL, r, Changes.of());
        }
    }
}
