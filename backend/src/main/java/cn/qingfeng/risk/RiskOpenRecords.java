package cn.qingfeng.risk;

import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.risk.RiskEnums.Status;
import cn.qingfeng.unit.UnitOpenRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/** A unit with risks not yet closed cannot be deactivated. */
@ApplicationScoped
public class RiskOpenRecords implements UnitOpenRecords {

    @Inject
    RiskRepository risks;

    @Override
    public String kind() {
        return "risk";
    }

    @Override
    public long countOpen(UUID unitId) {
        return risks.risks(DataScope.everything()).where("e.unitId = :u", "u", unitId)
                .where("e.status <> :closed", "closed", Status.CLOSED).count();
    }

    @Override
    public String label() {
        return "风险";
    }

    @Override
    public Set<UUID> withOpen(Collection<UUID> unitIds) {
        return risks.unitsWithOpen(unitIds);
    }
}
