package cn.qingfeng.risk;

import cn.qingfeng.common.origin.OriginRef;
import cn.qingfeng.common.origin.OriginSource;
import cn.qingfeng.common.scope.DataScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Rectification items and tasks opened by a review (研判) link back to the risk it belongs to. */
@ApplicationScoped
public class RiskReviewOrigin implements OriginSource {

    public static final String TYPE = "RISK_REVIEW";

    @Inject
    RiskRepository risks;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean exists(UUID id) {
        return risks.review(id).isPresent();
    }

    @Override
    public Map<UUID, OriginRef> refs(Collection<UUID> ids, DataScope scope) {
        Map<UUID, OriginRef> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        risks.em().createQuery("select v.id, r.id, r.code, r.name, v.reviewedOn, r.unitId from RiskReviewEntity v, RiskEntity r"
                        + " where r.id = v.riskId and v.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList().stream()
                .filter(row -> scope.contains((UUID) row[5]))
                .forEach(row -> out.put((UUID) row[0], new OriginRef(TYPE, (UUID) row[0], "risk", (UUID) row[1],
                        row[2] + " " + row[3] + "（研判 " + (LocalDate) row[4] + "）")));
        return out;
    }
}
