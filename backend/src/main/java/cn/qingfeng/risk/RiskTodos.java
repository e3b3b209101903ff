package cn.qingfeng.risk;

import cn.qingfeng.common.scope.CallerScope;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.common.security.Roles;
import cn.qingfeng.common.warning.Warning;
import cn.qingfeng.common.warning.Warnings;
import cn.qingfeng.risk.RiskEnums.ObligationKind;
import cn.qingfeng.risk.RiskEnums.Status;
import cn.qingfeng.todo.TodoItem;
import cn.qingfeng.todo.TodoSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The risk ledger's to-dos. Unit officers: reviews due within the warning days (or missed), reports
 * owed to the bureau (open control measures come from the measures module); supervisors: risks
 * waiting to be graded.
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
            LocalDate until = warnings.today().plusDays(config.warnings().yellowDays());
            for (Object[] row : risks.openObligationsWithRisks(s.unitIds(), until, limit)) {
                RiskObligationEntity o = (RiskObligationEntity) row[0];
                RiskEntity r = (RiskEntity) row[1];
                boolean report = o.kind == ObligationKind.REPORT;
                Warning w = report ? (clock.instant().isAfter(o.dueAt) ? Warning.RED : Warning.YELLOW) : warnings.open(o.dueOn);
                out.add(new TodoItem(report ? "risk.report-due" : "risk.review-due", r.code + " " + r.name, RiskService.ENTITY,
                        r.id, "/risks/" + r.id + (report ? "?tab=reports" : "?tab=reviews"), r.unitId, o.dueOn, w, o.createdAt));
            }
        }
        if (user.hasRole(Roles.SUPERVISOR)) {
            for (RiskEntity r : risks.risks(DataScope.everything()).where("e.level is null")
                    .where("e.status <> :closed", "closed", Status.CLOSED).first("e.createdAt, e.id", limit)) {
                out.add(new TodoItem("risk.grade", r.code + " " + r.name, RiskService.ENTITY, r.id, "/risks/" + r.id,
                        r.unitId, null, null, r.createdAt));
            }
        }
        return out;
    }
}
