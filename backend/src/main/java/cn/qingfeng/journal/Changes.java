package cn.qingfeng.journal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What a change did, field by field: {@code {"name": {"before": "旧", "after": "新"}}}. */
public final class Changes {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    public static Changes of() {
        return new Changes();
    }

    /**
     * A record as it stands, as the whole of an event's changes (a {@code todo.*} event carries its
     * to-do's snapshot so, not field by field).
     */
    public static Changes whole(Map<String, Object> record) {
        Changes c = new Changes();
        record.forEach((k, v) -> c.fields.put(k, plain(v)));
        return c;
    }

    /** Records the field only when it really changed. */
    public Changes field(String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("before", plain(before));
            change.put("after", plain(after));
            fields.put(name, change);
        }
        return this;
    }

    /**
     * For partial updates: when a new value was requested ({@code requested} not null), records
     * the change and answers it; otherwise answers the current value unchanged.
     */
    public <T> T update(String name, T current, T requested) {
        if (requested == null) {
            return current;
        }
        field(name, current, requested);
        return requested;
    }

    /** A value set by the change (creation, or context such as a reason). */
    public Changes set(String name, Object value) {
        if (value != null) {
            fields.put(name, Collections.singletonMap("after", plain(value)));
        }
        return this;
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    Map<String, Object> asMap() {
        return fields;
    }

    /** Stored as JSON: ids, dates and enums as their text. */
    private static Object plain(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String
                || value instanceof Map || value instanceof java.util.Collection) {
            return value;
        }
        return value.toString();
    }
}
