package cn.qingfeng.rectification;

import cn.qingfeng.common.scope.CallerScope;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.common.security.Roles;
import cn.qingfeng.common.warning.Warning;
import cn.qingfeng.common.warning.Warnings;
import cn.qingfeng.rectification.RectificationEnums.Status;
import cn.qingfeng.todo.TodoItem;
import cn.qingfeng.todo.TodoSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The rectification ledger's to-dos. Unit officers: items to start, to work on (overdue, or an
 * ongoing item owing this period's progress); supervisors: applications to verify. Open measures
 * come from the measures module.
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
            for (RectificationItemEntity i : inStates(s, limit, Status.PENDING, Status.IN_PROGRESS)) {
                Warning w = warnings.open(i.deadline);
                String kind = i.status == Status.PENDING ? "rectification.start"
                        : w == Warning.RED ? "rectification.overdue"
                        : service.progressDue(i) ? "rectification.progress-due" : "rectification.report";
                out.add(item(kind, i, i.kind == RectificationEnums.Kind.ONGOING ? null : w, i.updatedAt));
            }
        }
        if (user.hasRole(Roles.SUPERVISOR)) {
            for (RectificationItemEntity i : inStates(DataScope.everything(), limit, Status.APPLIED)) {
                out.add(item("rectification.verify", i, warnings.open(i.deadline), i.appliedAt));
            }
        }
        return out;
    }

    private List<RectificationItemEntity> inStates(DataScope s, int limit, Status... states) {
        return items.items(s).where("e.status in :states", "states", List.of(states)).first("e.deadline, e.id", limit);
    }

    private static TodoItem item(String kind, RectificationItemEntity i, Warning w, java.time.Instant since) {
        return new TodoItem(kind, i.code + " " + i.title, RectificationService.ENTITY, i.id, "/rectifications/" + i.id,
                i.unitId, i.deadline, w, since);
    }
}
