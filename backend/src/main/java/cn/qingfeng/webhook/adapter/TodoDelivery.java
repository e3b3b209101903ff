package cn.qingfeng.webhook.adapter;

import cn.qingfeng.todo.TodoSnapshot;
import cn.qingfeng.webhook.OutboundEvent;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/** What the three OA adapters share: which lifecycle step a {@code todo.*} event is, links, dates. */
final class TodoDelivery {

    /** The OAs show local office time; Qingfeng is used in one time zone. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);
    static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    /** The OA-side step; taken from the snapshot's state, which is what the OA must end up showing. */
    enum Step { OPEN, DONE, FINISHED, WITHDRAWN }

    final TodoSnapshot todo;
    final Step step;

    private TodoDelivery(TodoSnapshot todo, Step step) {
        this.todo = todo;
        this.step = step;
    }

    /** The to-do of an event an OA adapter maps, or empty (then the adapter answers SKIPPED). */
    static Optional<TodoDelivery> of(OutboundEvent event) {
        if (!event.isTodo() || !(event.data().get("changes") instanceof Map)) {
            return Optional.empty();
        }
        TodoSnapshot t = event.todo();
        Step step;
        try {
            step = Step.valueOf(t.state());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        return Optional.of(new TodoDelivery(t, step));
    }

    static String seconds(Instant at) {
        return at == null ? null : SECONDS.format(at);
    }

    static String minutes(Instant at) {
        return at == null ? null : MINUTES.format(at);
    }

    /** The record's page in the SPA as an absolute URL ({@code publicUrl} + the snapshot's path). */
    static String absoluteLink(Target target, String link) {
        String base = trimSlash(target.publicUrl() == null ? "" : target.publicUrl());
        if (link == null || link.isBlank()) {
            return base.isEmpty() ? null : base + "/";
        }
        if (link.startsWith("http://") || link.startsWith("https://")) {
            return link;
        }
        return base + (link.startsWith("/") ? link : "/" + link);
    }

    /** The OA's base URL joined with an API path, whatever slashes the admin typed. */
    static URI endpoint(Target target, String path) {
        return URI.create(trimSlash(target.url().toString()) + (path.startsWith("/") ? path : "/" + path));
    }

    /** The display name of who caused the change ({@code data.actor.name}), when the event carries one. */
    static String actorName(OutboundEvent event) {
        if (event.data().get("actor") instanceof Map<?, ?> actor && actor.get("name") instanceof String name && !name.isBlank()) {
            return name;
        }
        return null;
    }

    private static String trimSlash(String s) {
        String r = s;
        while (r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }
}
