package cn.qingfeng.risk;

import static cn.qingfeng.common.security.Roles.SUPERVISOR;
import static cn.qingfeng.common.security.Roles.UNIT_OFFICER;

import cn.qingfeng.common.config.QingfengConfig;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.measure.MeasureEntity;
import cn.qingfeng.measure.MeasureOwnerType;
import cn.qingfeng.measure.MeasureRepository;
import cn.qingfeng.measure.MeasureStatus;
import cn.qingfeng.risk.RiskEnums.ObligationKind;
import cn.qingfeng.risk.RiskEnums.Status;
import cn.qingfeng.todo.FlowRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The risk ledger's to-do rules: each risk is a flow, its reviews, reports and control measures
 * included. Supervisors grade a risk not yet graded; the unit's officers review it when a review
 * comes within the warning days (or was missed), report a 重大 risk to the bureau, and carry out
 * control measures as their deadlines come near. Closed: 办结 — unless a report is still owed,
 * which stays owed after a close.
 */
@ApplicationScoped
public class RiskFlowRules implements FlowRules {

    @Inject
    RiskRepository risks;

    @Inject
    MeasureRepository measures;

    @Inject
    QingfengConfig config;

    @Inject
    EntityManager em;

    @Override
    public String flowType() {
        return RiskService.ENTITY;
    }

    @Override
    public String ledger() {
        return "risk";
    }

    @Override
    public String flowName() {
        return "风险管控";
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of(RiskService.ENTITY);
    }

    /** Every event of a risk may change what it waits on (obligations and measures are journaled on it). */
    @Override
    public Collection<UUID> touched(FlowEvent e) {
        return e.entityId() == null ? List.of() : List.of(UUID.fromString(e.entityId()));
    }

    @Override
    public Optional<Flow> flow(UUID id) {
        Optional<RiskEntity> found = risks.find(id, DataScope.everything(), false);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RiskEntity r = found.get();
        String title = r.code + " " + r.name;
        String link = "/risks/" + r.id;
        int window = config.warnings().yellowDays();
        boolean closed = r.status == Status.CLOSED;
        List<Step> steps = new ArrayList<>();
        if (r.level == null && !closed) {
            steps.add(Step.of("risk.grade", SUPERVISOR, null, null, "评级"));
        }
        for (RiskObligationEntity o : risks.openObligations(r.id)) {
            if (o.kind == ObligationKind.REPORT) {
                steps.add(Step.of("risk.report-due", UNIT_OFFICER, r.unitId, o.dueOn, "报告").linkTo(link + "?tab=reports"));
            } else if (!closed) {
                // A review is asked for within the warning days before it is due (and once missed).
                steps.add(Step.of("risk.review-due", UNIT_OFFICER, r.unitId, o.dueOn, "研判")
                        .visibleFrom(o.dueOn.minusDays(window)).linkTo(link + "?tab=reviews"));
            }
        }
        if (!closed) {
            measures.of(MeasureOwnerType.RISK, r.id).stream().filter(m -> m.status == MeasureStatus.OPEN && m.deadline != null)
                    .min(Comparator.comparing((MeasureEntity m) -> m.deadline).thenComparing(m -> m.sortOrder))
                    .ifPresent(m -> steps.add(Step.of("risk.measure-due", UNIT_OFFICER, r.unitId, m.deadline, "管控措施")
                            .visibleFrom(m.deadline.minusDays(window)).linkTo(link + "?measure=" + m.id)));
        }
        if (closed && steps.isEmpty()) {
            return Optional.of(Flow.finished(title, link, r.unitId));
        }
        return Optional.of(new Flow(FlowState.OPEN, title, link, r.unitId, steps, null));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<UUID> withoutFlow(UUID after, int limit) {
        return em.createNativeQuery("select r.id from risk r where (r.status <> 'CLOSED' or exists (select 1 from risk_obligation o"
                        + " where o.risk_id = r.id and o.kind = 'REPORT' and o.fulfilled_at is null and o.cancelled_at is null))"
                        + " and not exists (select 1 from todo_flow f where f.flow_type = 'risk' and f.flow_id = r.id)"
                        + " and r.id > :after order by r.id limit :n", UUID.class)
                .setParameter("after", after).setParameter("n", limit).getResultList();
    }
}
