package cn.qingfeng.measure;

import cn.qingfeng.common.scope.CallerScope;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.common.security.Roles;
import cn.qingfeng.common.warning.Warnings;
import cn.qingfeng.todo.TodoItem;
import cn.qingfeng.todo.TodoSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Unit officers' open measures, of every owner that is still at work on them, nearest deadline first. */
@ApplicationScoped
public class MeasureTodos implements TodoSource {

    @Inject
    MeasureRepository measures;

    @Inject
    Instance<MeasureOwner> owners;

    @Inject
    CallerScope scope;

    @Inject
    CurrentUser user;

    @Inject
    Warnings warnings;

    @Override
    public List<TodoItem> todos(int limit) {
        DataScope s = scope.current();
        List<TodoItem> out = new ArrayList<>();
        if (!user.hasRole(Roles.UNIT_OFFICER) || s.unitIds().isEmpty()) {
            return out;
        }
        for (MeasureOwner owner : owners) {
            Integer window = owner.todoWindowDays();
            List<MeasureEntity> open = measures.openForTodos(owner, s.unitIds(),
                    window == null ? null : warnings.today().plusDays(window), limit);
            Map<UUID, MeasureOwner.OwnerState> states = owner.states(open.stream().map(m -> m.ownerId).distinct().toList());
            for (MeasureEntity m : open) {
                out.add(new TodoItem(owner.todoKind(), states.get(m.ownerId).code() + " " + m.content,
                        owner.lifecycle().entityType(), m.ownerId, owner.link(m.ownerId, m.id), m.unitId, m.deadline,
                        warnings.open(m.deadline), m.createdAt));
            }
        }
        return out;
    }
}
