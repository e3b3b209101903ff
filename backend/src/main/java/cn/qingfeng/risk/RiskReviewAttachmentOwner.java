package cn.qingfeng.risk;

import cn.qingfeng.attachment.AttachmentOwner;
import cn.qingfeng.common.ledger.Ledger;
import cn.qingfeng.common.scope.DataScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/** The files of a review (RISK_REVIEW: minutes, reports), filed as {@link RiskLifecycle#ATTACH} allows on its risk. */
@ApplicationScoped
public class RiskReviewAttachmentOwner implements AttachmentOwner {

    @Inject
    RiskRepository risks;

    @Inject
    Ledger ledger;

    @Override
    public String type() {
        return RiskService.REVIEW_FILES;
    }

    @Override
    public Optional<UUID> unitOf(UUID reviewId, DataScope scope) {
        return risks.review(reviewId).flatMap(v -> risks.find(v.riskId, scope, false)).map(r -> r.unitId);
    }

    @Override
    public void checkCanModify(UUID reviewId) {
        ledger.check(risks, RiskLifecycle.ATTACH, risks.review(reviewId).orElseThrow().riskId);
    }
}
