package cn.qingfeng.rectification;

import cn.qingfeng.common.scope.CallerScope;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.common.security.Roles;
import cn.qingfeng.common.warning.Warning;
import cn.qingfeng.common.warning.Warnings;
import cn.qingfeng.rectification.RectificationEnums.MeasureStatus;
import cn.qingfeng.rectification.RectificationEnums.Status;
import cn.qingfeng.todo.TodoItem;
import cn.qingfeng.todo.TodoSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The rectification ledger's to-dos. Unit officers: items to start, to work on (overdue, or an
 * ongoing item owing this period's progress), open measures; supervisors: applications to verify.
 */
@ApplicationScoped
public class RectificationTodos implements TodoSource {

    @Inject
    RectificationRepository items;

    @Inject
    RectificationService service;

    @Inject
    CallerScope scope;

    @Inject
    CurrentUser user;

    @Inject
    Warnings warnings;

    @Override
    public List<TodoItem> todos(int limit) {
        List<TodoItem> out = new ArrayList<>();
        DataScope s = scope.current();
        if (user.hasRole(Roles.UNIT_OFFICER) && !s.unitIds().isEmpty()) {
            for (RectificationItemEntity i : items(List.of(Status.PENDING, Status.IN_PROGRESS), s, limit)) {
                Warning w = warnings.open(i.deadline);
                String kind = i.status == Status.PENDING ? "rectification.start"
                        : w == Warning.RED ? "rectification.overdue"
                        : service.progressDue(i) ? "rectification.progress-due" : "rectification.report";
                out.add(new TodoItem(kind, i.code + " " + i.title, RectificationService.ENTITY, i.id,
                        "/rectifications/" + i.id, i.unitId, i.deadline, i.kind == RectificationEnums.Kind.ONGOING ? null : w,
                        i.updatedAt));
            }
            List<Object[]> measures = items.em().createQuery("select m, i from RectificationMeasureEntity m, RectificationItemEntity i"
                            + " where i.id = m.itemId and m.status = :open and i.status in :active and i.unitId in :units"
                            + " and m.deadline is not null order by m.deadline, m.id", Object[].class)
                    .setParameter("open", MeasureStatus.OPEN)
                    .setParameter("active", List.of(Status.PENDING, Status.IN_PROGRESS))
                    .setParameter("units", s.unitIds())
                    .setMaxResults(limit).getResultList();
            for (Object[] row : measures) {
                RectificationMeasureEntity m = (RectificationMeasureEntity) row[0];
                RectificationItemEntity i = (RectificationItemEntity) row[1];
                out.add(new TodoItem("rectification.measure", i.code + " " + m.content, RectificationService.ENTITY, i.id,
                        "/rectifications/" + i.id + "?measure=" + m.id, i.unitId, m.deadline, warnings.open(m.deadline), m.createdAt));
            }
        }
        if (user.hasRole(Roles.SUPERVISOR)) {
            for (RectificationItemEntity i : items(List.of(Status.APPLIED), DataScope.everything(), limit)) {
                out.add(new TodoItem("rectification.verify", i.code + " " + i.title, RectificationService.ENTITY, i.id,
                        "/rectifications/" + i.id, i.unitId, i.deadline, warnings.open(i.deadline), i.appliedAt));
            }
        }
        return out;
    }

    private List<RectificationItemEntity> items(List<Status> states, DataScope s, int limit) {
        var q = items.em().createQuery("select i from RectificationItemEntity i where i.status in :states"
                        + (s.all() ? "" : " and i.unitId in :units") + " order by i.deadline, i.id", RectificationItemEntity.class)
                .setParameter("states", states).setMaxResults(limit);
        if (!s.all()) {
            q.setParameter("units", s.unitIds());
        }
        return q.getResultList();
    }
}
