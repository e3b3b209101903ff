package cn.qingfeng.rectification;

import cn.qingfeng.common.origin.FollowUp;
import cn.qingfeng.common.origin.FollowUpSource;
import cn.qingfeng.common.scope.DataScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Rectification items opened from an origin, as their own scope shows them. */
@ApplicationScoped
public class RectificationFollowUps implements FollowUpSource {

    @Inject
    RectificationRepository items;

    @Override
    public List<FollowUp> openedFrom(String originType, Collection<UUID> originIds, DataScope scope) {
        if (Arrays.stream(RectificationEnums.Origin.values()).noneMatch(o -> o.name().equals(originType))) {
            return List.of();
        }
        return items.items(scope).where("e.originType = :originType", "originType", RectificationEnums.Origin.valueOf(originType))
                .where("e.originId in :originIds", "originIds", originIds).all("e.code").stream()
                .map(i -> new FollowUp(i.originId, "rectification", i.id, i.code, i.title, i.status.name())).toList();
    }
}
