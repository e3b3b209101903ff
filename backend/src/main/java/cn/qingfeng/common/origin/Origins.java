package cn.qingfeng.common.origin;

import cn.qingfeng.common.scope.CallerScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/** Origins in both directions: checks and resolves what a record came from, and lists what was opened from it. */
@ApplicationScoped
public class Origins {

    @Inject
    @Any
    Instance<OriginSource> sources;

    @Inject
    @Any
    Instance<FollowUpSource> followUps;

    @Inject
    CallerScope scope;

    /** What was opened from these origins, across the features, by code; only what the caller may see. */
    public List<FollowUp> followUps(String type, List<UUID> originIds) {
        if (originIds.isEmpty()) {
            return List.of();
        }
        return followUps.stream().flatMap(s -> s.openedFrom(type, originIds, scope.current()).stream())
                .sorted(java.util.Comparator.comparing(FollowUp::code)).toList();
    }

    /** Whether the origin exists; false for a type no feature resolves. */
    public boolean exists(Enum<?> type, UUID id) {
        return source(type.name()) != null && source(type.name()).exists(id);
    }

    /** Origin references of the given records, keyed by origin id, within the caller's scope. */
    public <T> Map<UUID, OriginRef> refs(List<T> records, Function<T, Enum<?>> type, Function<T, UUID> id) {
        Map<String, List<UUID>> byType = new HashMap<>();
        for (T r : records) {
            if (type.apply(r) != null && id.apply(r) != null) {
                byType.computeIfAbsent(type.apply(r).name(), k -> new java.util.ArrayList<>()).add(id.apply(r));
            }
        }
        Map<UUID, OriginRef> out = new HashMap<>();
        byType.forEach((t, ids) -> {
            OriginSource s = source(t);
            if (s != null) {
                out.putAll(s.refs(ids.stream().distinct().toList(), scope.current()));
            }
        });
        return out;
    }

    private OriginSource source(String type) {
        return sources.stream().filter(s -> Objects.equals(s.type(), type)).findFirst().orElse(null);
    }
}
