package cn.qingfeng.task;

import cn.qingfeng.common.origin.FollowUp;
import cn.qingfeng.common.origin.FollowUpSource;
import cn.qingfeng.common.scope.DataScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Tasks opened from an origin, as the task scope shows them (drafts only to supervisors). */
@ApplicationScoped
public class TaskFollowUps implements FollowUpSource {

    @Inject
    TaskRepository tasks;

    @Override
    public List<FollowUp> openedFrom(String originType, Collection<UUID> originIds, DataScope scope) {
        if (Arrays.stream(TaskEnums.Origin.values()).noneMatch(o -> o.name().equals(originType))) {
            return List.of();
        }
        return tasks.tasks(scope).where("e.originType = :originType", "originType", TaskEnums.Origin.valueOf(originType))
                .where("e.originId in :originIds", "originIds", originIds).all("e.code").stream()
                .map(t -> new FollowUp(t.originId, "task", t.id, t.code, t.title, t.status.name())).toList();
    }
}
