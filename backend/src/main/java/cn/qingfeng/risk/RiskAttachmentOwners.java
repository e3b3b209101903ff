package cn.qingfeng.risk;

import cn.qingfeng.attachment.AttachmentOwner;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/** Evidence of a control measure (RISK_MEASURE) and the files of a review (RISK_REVIEW: minutes, reports). */
public final class RiskAttachmentOwners {

    private RiskAttachmentOwners() {
    }

    static void checkRole(CurrentUser user) {
        if (!user.hasAnyRole(Roles.UNIT_OFFICER, Roles.SUPERVISOR)) {
            throw new ProblemException(403, "forbidden", "Forbidden", "你的角色不能为风险台账上传或撤回材料");
        }
    }

    /** A closed risk's record is final: its files stay as they were. */
    static void checkOpen(RiskRepository risks, UUID riskId) {
        RiskEntity r = riskId == null ? null : risks.em().find(RiskEntity.class, riskId);
        if (r != null && r.status == RiskEnums.Status.CLOSED) {
            throw ProblemException.conflict("risk.closed", "风险已关闭，材料不能再上传或撤回");
        }
    }

    @ApplicationScoped
    public static class Measure implements AttachmentOwner {
        @Inject
        RiskRepository risks;
        @Inject
        CurrentUser user;

        @Override
        public String type() {
            return RiskService.EVIDENCE_MEASURE;
        }

        @Override
        public Optional<UUID> unitOf(UUID ownerId, DataScope scope) {
            RiskMeasureEntity m = risks.em().find(RiskMeasureEntity.class, ownerId);
            return m == null ? Optional.empty() : risks.find(m.riskId, scope, false).map(r -> r.unitId);
        }

        @Override
        public void checkCanModify(UUID ownerId) {
            checkRole(user);
            RiskMeasureEntity m = risks.em().find(RiskMeasureEntity.class, ownerId);
            checkOpen(risks, m == null ? null : m.riskId);
        }
    }

    @ApplicationScoped
    public static class Review implements AttachmentOwner {
        @Inject
        RiskRepository risks;
        @Inject
        CurrentUser user;

        @Override
        public String type() {
            return RiskService.REVIEW_FILES;
        }

        @Override
        public Optional<UUID> unitOf(UUID ownerId, DataScope scope) {
            return risks.review(ownerId).flatMap(v -> risks.find(v.riskId, scope, false)).map(r -> r.unitId);
        }

        @Override
        public void checkCanModify(UUID ownerId) {
            checkRole(user);
            checkOpen(risks, risks.review(ownerId).map(v -> v.riskId).orElse(null));
        }
    }
}
