package cn.qingfeng.webhook;

import java.time.Instant;
import java.util.Map;

/**
 * One journal event as it leaves Qingfeng: the same for every subscriber and every retry.
 *
 * @param id        the stable event id ({@code webhook-id}): the journal event's id, so a receiver can deduplicate
 * @param type      the journal action, e.g. {@code task.issued} or {@code todo.created}
 * @param timestamp when the change happened (the journal's {@code occurredAt})
 * @param data      {@code entityType}, {@code entityId}, {@code unitId}, {@code actor} ({@code subject},
 *                  {@code name}, {@code client}) and {@code changes} (the journal's changes; for
 *                  {@code todo.*} events the {@link cn.qingfeng.todo.TodoSnapshot} as a map)
 */
public record OutboundEvent(String id, String type, Instant timestamp, Map<String, Object> data) {

    /** Whether this is a unified to-do lifecycle event ({@code todo.*}). */
    public boolean isTodo() {
        return type.startsWith("todo.");
    }

    /** The to-do carried by a {@code todo.*} event. */
    @SuppressWarnings("unchecked")
    public cn.qingfeng.todo.TodoSnapshot todo() {
        return cn.qingfeng.todo.TodoSnapshot.fromMap((Map<String, Object>) data.get("changes"));
    }
}
