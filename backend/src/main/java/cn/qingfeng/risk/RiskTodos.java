package cn.qingfeng.risk;

import cn.qingfeng.common.scope.CallerScope;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.common.security.Roles;
import cn.qingfeng.common.warning.Warning;
import cn.qingfeng.common.warning.Warnings;
import cn.qingfeng.risk.RiskEnums.MeasureStatus;
import cn.qingfeng.risk.RiskEnums.ObligationKind;
import cn.qingfeng.risk.RiskEnums.Status;
import cn.qingfeng.todo.TodoItem;
import cn.qingfeng.todo.TodoSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The risk ledger's to-dos. Unit officers: reviews due within the warning days (or missed), reports
 * owed to the bureau, open control measures; supervisors: risks waiting to be graded.
 */
@ApplicationScoped
public class RiskTodos implements TodoSource {

    @Inject
    RiskRepository risks;

    @Inject
    CallerScope scope;

    @Inject
    CurrentUser user;

    @Inject
    Warnings warnings;

    @Inject
    cn.qingfeng.common.config.QingfengConfig config;

    @Inject
    Clock clock;

    @Override
    public List<TodoItem> todos(int limit) {
        List<TodoItem> out = new ArrayList<>();
        DataScope s = scope.current();
        if (user.hasRole(Roles.UNIT_OFFICER) && !s.unitIds().isEmpty()) {
            List<Object[]> due = risks.em().createQuery("select o, r from RiskObligationEntity o, RiskEntity r where r.id = o.riskId"
                            + " and o.fulfilledAt is null and o.cancelledAt is null and o.unitId in :units"
                            + " and (o.kind = :report or (o.dueOn <= :until and r.status <> :closed))"
                            // A closed risk is reviewed no more, but a report it owes is still owed.
                            + " order by o.dueAt, o.id", Object[].class)
                    .setParameter("closed", Status.CLOSED)
                    .setParameter("units", s.unitIds())
                    .setParameter("report", ObligationKind.REPORT)
                    .setParameter("until", warnings.today().plusDays(config.warnings().yellowDays()))
                    .setMaxResults(limit).getResultList();
            for (Object[] row : due) {
                RiskObligationEntity o = (RiskObligationEntity) row[0];
                RiskEntity r = (RiskEntity) row[1];
                boolean report = o.kind == ObligationKind.REPORT;
                Warning w = report ? (clock.instant().isAfter(o.dueAt) ? Warning.RED : Warning.YELLOW) : warnings.open(o.dueOn);
                out.add(new TodoItem(report ? "risk.report-due" : "risk.review-due", r.code + " " + r.name, RiskService.ENTITY,
                        r.id, "/risks/" + r.id + (report ? "?tab=reports" : "?tab=reviews"), r.unitId, o.dueOn, w, o.createdAt));
            }
            List<Object[]> measures = risks.em().createQuery("select m, r from RiskMeasureEntity m, RiskEntity r"
                            + " where r.id = m.riskId and m.status = :open and r.status <> :closed and r.unitId in :units"
                            + " and m.deadline <= :until order by m.deadline, m.id", Object[].class)
                    .setParameter("open", MeasureStatus.OPEN)
                    .setParameter("until", warnings.today().plusDays(config.warnings().yellowDays()))
                    .setParameter("closed", Status.CLOSED)
                    .setParameter("units", s.unitIds())
                    .setMaxResults(limit).getResultList();
            for (Object[] row : measures) {
                RiskMeasureEntity m = (RiskMeasureEntity) row[0];
                RiskEntity r = (RiskEntity) row[1];
                out.add(new TodoItem("risk.measure-due", r.code + " " + m.content, RiskService.ENTITY, r.id,
                        "/risks/" + r.id + "?measure=" + m.id, r.unitId, m.deadline, warnings.open(m.deadline), m.createdAt));
            }
        }
        if (user.hasRole(Roles.SUPERVISOR)) {
            List<RiskEntity> ungraded = risks.em().createQuery("select r from RiskEntity r where r.level is null"
                    + " and r.status <> :closed order by r.createdAt, r.id", RiskEntity.class)
                    .setParameter("closed", Status.CLOSED).setMaxResults(limit).getResultList();
            for (RiskEntity r : ungraded) {
                out.add(new TodoItem("risk.grade", r.code + " " + r.name, RiskService.ENTITY, r.id, "/risks/" + r.id,
                        r.unitId, null, null, r.createdAt));
            }
        }
        return out;
    }
}
