package cn.qingfeng.webhook.adapter;

import cn.qingfeng.todo.TodoEvents;
import cn.qingfeng.todo.TodoSnapshot;
import cn.qingfeng.webhook.OutboundEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** To-do events and targets as the dispatcher hands them to adapters. */
final class Fixtures {

    static final String PUBLIC_URL = "https://qingfeng.example.gov.cn/app/";
    /** Qingfeng usernames → OA logins (the people mapping); others go as they are. */
    static final Map<String, String> LOGINS = Map.of("cg_officer", "cg.zhang", "xx_officer", "xx.li", "jiandu", "jd.wang");
    /** 2026-04-01 09:02:03 in Asia/Shanghai. */
    static final Instant CREATED = Instant.parse("2026-04-01T01:02:03Z");

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Fixtures() {
    }

    static Target target(URI url, Map<String, String> settings, List<String> secrets, Duration timeout) {
        return new Target(url, settings, secrets, HTTP, timeout, PUBLIC_URL, u -> Optional.ofNullable(LOGINS.get(u)));
    }

    static Target target(URI url, Map<String, String> settings) {
        return target(url, settings, List.of(), Duration.ofSeconds(10));
    }

    /** One receiver's to-do in one matter. */
    static final class Todo {
        final UUID todoId = UUID.randomUUID();
        final UUID flowId;
        final String receiver;
        String title = "RW-2026-0003 清明节节点纪律检查";
        long version;

        Todo(UUID flowId, String receiver) {
            this.flowId = flowId;
            this.receiver = receiver;
        }

        /** The next lifecycle event of this to-do (its version goes up by one). */
        OutboundEvent next(String type, String state) {
            version++;
            return event(type, state, version);
        }

        /** An event of this to-do at a given version (e.g. a late retry of an old one). */
        OutboundEvent event(String type, String state, long atVersion) {
            Instant changed = CREATED.plusSeconds(60 * atVersion);
            TodoSnapshot s = new TodoSnapshot(todoId, "task_assignment", flowId, state,
                    state.equals("OPEN") ? List.of("assignment.accept") : List.of(), title, "签收", "督办任务",
                    "/tasks/" + flowId + "?assignment=" + todoId, UUID.fromString("00000000-0000-0000-0000-0000000000c9"),
                    LocalDate.of(2026, 4, 10), "sub-" + receiver, receiver, "jiandu", CREATED, changed, atVersion);
            Map<String, Object> data = new HashMap<>();
            data.put("entityType", TodoEvents.ENTITY);
            data.put("entityId", todoId.toString());
            data.put("unitId", s.unitId().toString());
            data.put("actor", Map.of("subject", "sub-jiandu", "name", "王监督", "client", "qingfeng-spa"));
            data.put("changes", s.toMap());
            return new OutboundEvent(UUID.randomUUID().toString(), type, changed, data);
        }
    }

    /** A non-to-do event: OA adapters skip it, GENERIC sends it. */
    static OutboundEvent taskIssued() {
        Map<String, Object> data = new HashMap<>();
        data.put("entityType", "task");
        data.put("entityId", UUID.randomUUID().toString());
        data.put("unitId", UUID.randomUUID().toString());
        data.put("actor", Map.of("subject", "sub-jiandu", "name", "王监督", "client", "qingfeng-spa"));
        data.put("changes", Map.of("status", Map.of("from", "DRAFT", "to", "ISSUED"), "title", "清明节节点纪律检查"));
        return new OutboundEvent(UUID.randomUUID().toString(), "task.issued", Instant.parse("2026-04-01T01:02:03.456789Z"), data);
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
