package cn.qingfeng.risk;

import cn.qingfeng.risk.RiskEnums.Status;
import cn.qingfeng.unit.UnitOpenRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
        return risks.em().createQuery("select count(r) from RiskEntity r where r.unitId = :u and r.status <> :closed", Long.class)
                .setParameter("u", unitId).setParameter("closed", Status.CLOSED).getSingleResult();
    }
}
