package cn.qingfeng.rectification;

import static cn.qingfeng.common.security.Roles.SUPERVISOR;
import static cn.qingfeng.common.security.Roles.UNIT_OFFICER;

import cn.qingfeng.common.config.QingfengConfig;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.common.warning.Warnings;
import cn.qingfeng.measure.MeasureEntity;
import cn.qingfeng.measure.MeasureStatus;
import cn.qingfeng.rectification.RectificationEnums.Kind;
import cn.qingfeng.rectification.RectificationEnums.Status;
import cn.qingfeng.todo.FlowRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The rectification ledger's to-do rules: each item is a flow, its measures included. The unit's
 * officers start it, work on it (overdue past the deadline; an ongoing item owes each period's
 * progress) and carry out its measures; supervisors verify an application for close-off. Closed
 * off (已销号): 办结; reopened (反弹): the flow goes on.
 */
@ApplicationScoped
public class RectificationFlowRules implements FlowRules {

    @Inject
    RectificationRepository items;

    @Inject
    RectificationService service;

    @Inject
    Warnings warnings;

    @Inject
    QingfengConfig config;

    @Inject
    EntityManager em;

    @Override
    public String flowType() {
        return RectificationService.ENTITY;
    }

    @Override
    public String ledger() {
        return "rectification";
    }

    @Override
    public String flowName() {
        return RectificationLifecycle.ITEM.label();
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of(RectificationService.ENTITY);
    }

    /** Every event of an item may change what it waits on (its measures are journaled on it too). */
    @Override
    public Collection<UUID> touched(FlowEvent e) {
        return e.entityId() == null ? List.of() : List.of(UUID.fromString(e.entityId()));
    }

    @Override
    public Optional<Flow> flow(UUID id) {
        Optional<RectificationItemEntity> found = items.find(id, DataScope.everything(), false);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RectificationItemEntity i = found.get();
        String title = i.code + " " + i.title;
        String link = "/rectifications/" + i.id;
        if (i.status == Status.CLOSED) {
            return Optional.of(Flow.finished(title, link, i.unitId));
        }
        LocalDate today = warnings.today();
        List<Step> steps = new ArrayList<>();
        LocalDate recheck = null;
        switch (i.status) {
            case PENDING -> steps.add(Step.of("rectification.start", UNIT_OFFICER, i.unitId, i.deadline, "开始整改"));
            case IN_PROGRESS -> {
                boolean overdue = i.deadline != null && i.deadline.isBefore(today);
                boolean progressDue = !overdue && service.progressDue(i);
                steps.add(overdue ? Step.of("rectification.overdue", UNIT_OFFICER, i.unitId, i.deadline, "逾期整改")
                        : progressDue ? Step.of("rectification.progress-due", UNIT_OFFICER, i.unitId, i.deadline, "报送进展")
                        : Step.of("rectification.report", UNIT_OFFICER, i.unitId, i.deadline, "整改"));
                if (!overdue && i.deadline != null) {
                    recheck = i.deadline.plusDays(1);
                }
                if (!overdue && !progressDue && i.kind == Kind.ONGOING) {
                    // A new reporting period owes progress again.
                    LocalDate next = RectificationPeriods.next(config.rectification().ongoingProgressPeriod(), today);
                    recheck = recheck == null || next.isBefore(recheck) ? next : recheck;
                }
            }
            case APPLIED -> steps.add(Step.of("rectification.verify", SUPERVISOR, null, i.deadline, "销号核验"));
            default -> {
            }
        }
        if (RectificationLifecycle.takesMeasures(i.status)) {
            // Open measures with a deadline, the nearest first: one step, due when the first of them is.
            items.measures(i.id).stream().filter(m -> m.status == MeasureStatus.OPEN && m.deadline != null)
                    .min(Comparator.comparing((MeasureEntity m) -> m.deadline).thenComparing(m -> m.sortOrder))
                    .ifPresent(m -> steps.add(Step.of("rectification.measure", UNIT_OFFICER, i.unitId, m.deadline, "整改措施")
                            .linkTo(link + "?measure=" + m.id)));
        }
        return Optional.of(new Flow(FlowState.OPEN, title, link, i.unitId, steps, recheck));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<UUID> withoutFlow(UUID after, int limit) {
        return em.createNativeQuery("select i.id from rectification_item i where i.status <> 'CLOSED'"
                        + " and not exists (select 1 from todo_flow f where f.flow_type = 'rectification' and f.flow_id = i.id)"
                        + " and i.id > :after order by i.id limit :n", UUID.class)
                .setParameter("after", after).setParameter("n", limit).getResultList();
    }
}
