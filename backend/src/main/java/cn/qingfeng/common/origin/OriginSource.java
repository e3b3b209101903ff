package cn.qingfeng.common.origin;

import cn.qingfeng.common.scope.DataScope;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * A kind of record other records can come from (a risk review opening rectification items and
 * tasks). The owning feature implements it, so ledgers link to each other without depending on
 * each other's entities.
 */
public interface OriginSource {

    /** The origin type this source answers for, as stored in {@code origin_type}. */
    String type();

    /** Whether the origin record exists at all (checked when a record names it). */
    boolean exists(UUID id);

    /** Resolved references of the records visible in the scope; invisible or unknown ids are left out. */
    Map<UUID, OriginRef> refs(Collection<UUID> ids, DataScope scope);
}
