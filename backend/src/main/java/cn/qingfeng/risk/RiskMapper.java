package cn.qingfeng.risk;

import cn.qingfeng.common.ledger.AllowedAction;
import cn.qingfeng.common.mapping.ViewMapping;
import cn.qingfeng.common.warning.Warning;
import cn.qingfeng.risk.RiskEnums.ObligationState;
import cn.qingfeng.risk.RiskEnums.ReviewCycle;
import cn.qingfeng.risk.RiskViews.LinkView;
import cn.qingfeng.risk.RiskViews.RiskGradingView;
import cn.qingfeng.risk.RiskViews.RiskObligationView;
import cn.qingfeng.risk.RiskViews.RiskRef;
import cn.qingfeng.risk.RiskViews.RiskReportView;
import cn.qingfeng.risk.RiskViews.RiskReviewView;
import cn.qingfeng.risk.RiskViews.RiskView;
import cn.qingfeng.unit.UnitRef;
import java.time.Instant;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** The risk ledger's entities to views; what an entity does not hold comes as a parameter. */
@Mapper(config = ViewMapping.class)
public interface RiskMapper {

    @Mapping(target = "id", source = "risk.id")
    @Mapping(target = "code", source = "risk.code")
    @Mapping(target = "name", source = "risk.name")
    RiskView risk(RiskEntity risk, UnitRef unit, boolean matrixOutdated, ReviewCycle reviewCycle, Warning reviewWarning,
                  Instant reportDueAt, List<AllowedAction> allowedActions);

    RiskRef ref(RiskEntity risk);

    RiskGradingView grading(RiskGradingEntity grading);

    RiskReportView report(RiskReportEntity report);

    RiskReviewView review(RiskReviewEntity review, Boolean onTime, List<LinkView> links);

    @Mapping(target = "id", source = "obligation.id")
    RiskObligationView obligation(RiskObligationEntity obligation, RiskRef risk, UnitRef unit, ObligationState state);
}
