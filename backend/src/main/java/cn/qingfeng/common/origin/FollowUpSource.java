package cn.qingfeng.common.origin;

import cn.qingfeng.common.scope.DataScope;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A kind of record that can be opened from an origin (rectification items, tasks). Each feature
 * answers with its own scoped query, so an origin's page lists only what the caller may see.
 */
public interface FollowUpSource {

    /** The records opened from these origins, visible in the scope. */
    List<FollowUp> openedFrom(String originType, Collection<UUID> originIds, DataScope scope);
}
