package cn.qingfeng.webhook;

import cn.qingfeng.access.ApiAccess;
import cn.qingfeng.common.ledger.Action;
import cn.qingfeng.common.ledger.Lifecycle;
import cn.qingfeng.todo.TodoEvents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The journal actions a subscriber can ask for: every event the ledgers' lifecycles record, plus
 * the actions recorded outside them. A subscription naming anything else is refused, so a typo
 * does not silently deliver nothing.
 */
public final class EventCatalog {

    /** Actions recorded outside the lifecycle tables, by ledger. */
    private static final Map<String, List<String>> OTHERS = Map.of(
            "attachment", List.of("attachment.added", "attachment.removed"),
            "user", List.of("user.first-seen", "user.profile-changed"),
            "journal", List.of("journal.read", "journal.verified", "journal.purged"),
            "risk", List.of("risk-matrix.created"),
            "export", List.of("export.created"),
            "todo", List.of(TodoEvents.CREATED, TodoEvents.UPDATED, TodoEvents.DONE, TodoEvents.FINISHED, TodoEvents.WITHDRAWN),
            "webhook", List.of(OutboxFeeder.TEST_EVENT, "webhook.subscription-created", "webhook.subscription-updated",
                    "webhook.subscription-disabled", "webhook.subscription-enabled", "webhook.secret-rotated",
                    "webhook.replayed", "webhook.host-allowed", "webhook.host-disallowed"));

    private static final List<WebhookViews.EventType> ALL = build();

    private EventCatalog() {
    }

    public static List<WebhookViews.EventType> all() {
        return ALL;
    }

    /** Whether an entry of a subscription's event types names something that can happen (a prefix: anything under it). */
    public static boolean known(String entry) {
        return ALL.stream().anyMatch(t -> entry.endsWith(".") ? t.type().startsWith(entry) : t.type().equals(entry));
    }

    private static List<WebhookViews.EventType> build() {
        Map<String, String> types = new LinkedHashMap<>();
        for (Lifecycle<?, ?> l : ApiAccess.LIFECYCLES) {
            for (Action<?, ?> a : l.actions()) {
                for (String e : a.events()) {
                    types.putIfAbsent(e, l.entityType());
                }
            }
        }
        OTHERS.forEach((ledger, actions) -> actions.forEach(a -> types.putIfAbsent(a, ledger)));
        List<WebhookViews.EventType> out = new ArrayList<>();
        types.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.add(new WebhookViews.EventType(e.getKey(), e.getValue())));
        return List.copyOf(out);
    }
}
