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
        for (Object[] row : risks.reviewsWithRisks(ids)) {
            RiskReviewEntity v = (RiskReviewEntity) row[0];
            RiskEntity r = (RiskEntity) row[1];
            if (scope.contains(r.unitId)) {
                out.put(v.id, new OriginRef(TYPE, v.id, "risk", r.id, r.code + " " + r.name + "（研判 " + v.reviewedOn + "）"));
            }
        }
        return out;
    }
}
