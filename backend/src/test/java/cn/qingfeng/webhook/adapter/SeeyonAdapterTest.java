package cn.qingfeng.webhook.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.todo.TodoEvents;
import cn.qingfeng.webhook.adapter.DeliveryResult.Outcome;
import cn.qingfeng.webhook.adapter.StubServer.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SEEYON against a stub of Seeyon's REST token and 第三方待办 (thirdpartyPending) interface. */
class SeeyonAdapterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MINUTES = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
    private static final String TOKEN = "/seeyon/rest/token";
    private static final String RECEIVE = "/seeyon/rest/thirdpartyPending/receive";
    private static final String UPDATE = "/seeyon/rest/thirdpartyPending/updatePendingState";

    static final class Seeyon implements StubServer.Handler {
        final String userName = "qingfeng-rest";
        final String password = "5b1c-rest-pass";
        final String registerCode = "3006";
        final Set<String> users = Set.of("cg.zhang", "xx.li", "jd.wang");
        final Set<String> validTokens = ConcurrentHashMap.newKeySet();
        final AtomicInteger issued = new AtomicInteger();
        final Map<String, Map<String, String>> pendings = new ConcurrentHashMap<>();
        StubServer stub;
        volatile String mode = "normal";

        @Override
        public Reply handle(StubServer.Request r) throws Exception {
            switch (mode) {
                case "gone" -> {
                    return Reply.of(410, "text/plain", "Gone");
                }
                case "busy" -> {
                    return Reply.of(503, "text/html", "<h1>503</h1>").with("Retry-After", "30");
                }
                case "slow" -> stub.awaitRelease();
                default -> {
                }
            }
            stub.check(r.method().equals("POST"), "method " + r.method());
            stub.check(r.header("Content-Type") != null && r.header("Content-Type").startsWith("application/json"),
                    "content type " + r.header("Content-Type"));
            JsonNode body = JSON.readTree(r.body());
            if (r.path().equals(TOKEN)) {
                if (!userName.equals(body.path("userName").asText()) || !password.equals(body.path("password").asText())) {
                    return Reply.of(401, "application/json", "{\"code\":\"1010\",\"message\":\"用户名或密码错误\"}");
                }
                String token = "tok-" + issued.incrementAndGet() + "-" + UUID.randomUUID();
                if (!mode.equals("distrust")) {
                    validTokens.add(token);
                }
                return Reply.json("{\"id\":\"" + token + "\",\"bindingUser\":{\"loginName\":\"" + userName + "\"}}");
            }
            if (r.header("token") == null || !validTokens.contains(r.header("token"))) {
                return Reply.of(401, "application/json", "{\"code\":401,\"message\":\"token无效或已过期\"}");
            }
            stub.check(registerCode.equals(body.path("registerCode").asText()) || body.path("registerCode").asText().equals("9999"),
                    "registerCode " + body.path("registerCode"));
            if (!registerCode.equals(body.path("registerCode").asText())) {
                return failure("-1", "注册系统编码[" + body.path("registerCode").asText() + "]不存在");
            }
            String taskId = body.path("taskId").asText();
            stub.check(!taskId.isBlank(), "no taskId");
            if (r.path().equals(RECEIVE)) {
                for (String f : List.of("title", "senderName", "state", "thirdSenderId", "thirdReceiverId", "creationDate", "url",
                        "h5url", "noneBindingSender", "noneBindingReceiver", "classify")) {
                    stub.check(!body.path(f).asText().isBlank(), "receive without " + f);
                }
                stub.check(body.path("state").asText().equals("0"), "receive with state " + body.path("state"));
                stub.check(MINUTES.matcher(body.path("creationDate").asText()).matches(), "creationDate " + body.path("creationDate"));
                stub.check(body.path("url").asText().matches("https?://[^/]+/.*") && body.path("h5url").asText().matches("https?://[^/]+/.*"),
                        "links not absolute");
                if (!users.contains(body.path("thirdReceiverId").asText())) {
                    return failure("2003", "接收人[" + body.path("thirdReceiverId").asText() + "]不存在");
                }
                Map<String, String> p = new LinkedHashMap<>();
                body.fields().forEachRemaining(f -> p.put(f.getKey(), f.getValue().asText()));
                pendings.put(taskId, p);
                return Reply.json("{\"success\":true,\"errorMsgs\":[]}");
            }
            if (r.path().equals(UPDATE)) {
                stub.check(body.path("state").asText().equals("1"), "update with state " + body.path("state"));
                stub.check(Set.of("0", "1", "2", "3").contains(body.path("subState").asText()), "subState " + body.path("subState"));
                Map<String, String> p = pendings.get(taskId);
                if (p == null) {
                    return failure("2004", "待办[" + taskId + "]不存在");
                }
                p.put("state", body.path("state").asText());
                p.put("subState", body.path("subState").asText());
                return Reply.json("{\"success\":true,\"errorMsgs\":[]}");
            }
            return Reply.of(404, "text/html", "Not Found");
        }

        private static Reply failure(String code, String message) throws Exception {
            return Reply.json(JSON.writeValueAsString(Map.of("success", false,
                    "errorMsgs", List.of(Map.of("code", code, "message", message)))));
        }
    }

    private final Fixtures.MutableClock clock = new Fixtures.MutableClock(Instant.parse("2026-04-01T01:00:00Z"));
    private final SeeyonAdapter adapter = new SeeyonAdapter(clock);
    private final Seeyon seeyon = new Seeyon();
    private StubServer stub;
    private Target target;

    @BeforeEach
    void start() throws Exception {
        stub = new StubServer(seeyon);
        seeyon.stub = stub;
        target = target(Map.of(), Duration.ofSeconds(10));
    }

    private Target target(Map<String, String> extra, Duration timeout) {
        Map<String, String> settings = new LinkedHashMap<>(Map.of("registerCode", seeyon.registerCode,
                "userName", seeyon.userName, "password", seeyon.password));
        settings.putAll(extra);
        return Fixtures.target(stub.base(), settings, List.of(), timeout);
    }

    @AfterEach
    void stop() {
        stub.close();
        assertThat(stub.violations).isEmpty();
    }

    @Test
    void aToDoLivesItsLifeInSeeyonsPendingList() {
        UUID flow = UUID.randomUUID();
        Fixtures.Todo a = new Fixtures.Todo(flow, "cg_officer");
        Fixtures.Todo b = new Fixtures.Todo(flow, "xx_officer");

        assertThat(adapter.deliver(a.next(TodoEvents.CREATED, "OPEN"), target).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(adapter.deliver(b.next(TodoEvents.CREATED, "OPEN"), target).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(seeyon.pendings.get(a.todoId.toString()))
                .containsEntry("state", "0")
                .containsEntry("title", "RW-2026-0003 清明节节点纪律检查")
                .containsEntry("thirdReceiverId", "cg.zhang").containsEntry("noneBindingReceiver", "cg.zhang")
                .containsEntry("thirdSenderId", "jd.wang").containsEntry("senderName", "王监督")
                .containsEntry("creationDate", "2026-04-01 09:02")
                .containsEntry("classify", "督办任务")
                .containsEntry("url", "https://qingfeng.example.gov.cn/app/tasks/" + flow + "?assignment=" + a.todoId)
                .containsEntry("h5url", "https://qingfeng.example.gov.cn/app/tasks/" + flow + "?assignment=" + a.todoId);
        assertThat(seeyon.pendings.get(b.todoId.toString())).containsEntry("thirdReceiverId", "xx.li");

        assertThat(adapter.deliver(a.next(TodoEvents.DONE, "DONE"), target).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(seeyon.pendings.get(a.todoId.toString())).containsEntry("state", "1").containsEntry("subState", "0");
        assertThat(seeyon.pendings.get(b.todoId.toString())).containsEntry("state", "0");

        assertThat(adapter.deliver(a.next(TodoEvents.FINISHED, "FINISHED"), target).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(adapter.deliver(b.next(TodoEvents.FINISHED, "FINISHED"), target).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(seeyon.pendings.values()).allSatisfy(p -> assertThat(p).containsEntry("state", "1"));

        // A cancelled matter: its open to-dos are cancelled (已办, subState 2 取消).
        UUID cancelled = UUID.randomUUID();
        Fixtures.Todo c = new Fixtures.Todo(cancelled, "cg_officer");
        Fixtures.Todo d = new Fixtures.Todo(cancelled, "xx_officer");
        adapter.deliver(c.next(TodoEvents.CREATED, "OPEN"), target);
        adapter.deliver(d.next(TodoEvents.CREATED, "OPEN"), target);
        assertThat(adapter.deliver(c.next(TodoEvents.WITHDRAWN, "WITHDRAWN"), target).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(adapter.deliver(d.next(TodoEvents.WITHDRAWN, "WITHDRAWN"), target).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(seeyon.pendings.get(c.todoId.toString())).containsEntry("state", "1").containsEntry("subState", "2");
        assertThat(seeyon.pendings.get(d.todoId.toString())).containsEntry("state", "1").containsEntry("subState", "2");

        // One token served all ten calls.
        assertThat(seeyon.issued.get()).isEqualTo(1);
        assertThat(stub.requestsTo(TOKEN)).hasSize(1);
        assertThat(stub.requests).filteredOn(r -> !r.path().equals(TOKEN)).allMatch(r -> seeyon.validTokens.contains(r.header("token")));
    }

    @Test
    void anExpiredTokenIsRefreshedOnceAndTheCallRepeated() {
        Fixtures.Todo a = new Fixtures.Todo(UUID.randomUUID(), "cg_officer");
        assertThat(adapter.deliver(a.next(TodoEvents.CREATED, "OPEN"), target).outcome()).isEqualTo(Outcome.DELIVERED);

        seeyon.validTokens.clear(); // Seeyon restarted or the token idled out
        int before = stub.requests.size();
        DeliveryResult r = adapter.deliver(a.next(TodoEvents.DONE, "DONE"), target);

        assertThat(r.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(stub.requests.subList(before, stub.requests.size())).extracting(StubServer.Request::path)
                .containsExactly(UPDATE, TOKEN, UPDATE);
        assertThat(seeyon.issued.get()).isEqualTo(2);
    }

    @Test
    void aTokenIsNotReusedPastItsLifetime() {
        Fixtures.Todo a = new Fixtures.Todo(UUID.randomUUID(), "cg_officer");
        Target shortLived = target(Map.of("tokenTtlSeconds", "300"), Duration.ofSeconds(10));
        adapter.deliver(a.next(TodoEvents.CREATED, "OPEN"), shortLived);
        clock.advance(Duration.ofSeconds(299));
        adapter.deliver(a.next(TodoEvents.CREATED, "OPEN"), shortLived);
        assertThat(seeyon.issued.get()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        assertThat(adapter.deliver(a.next(TodoEvents.DONE, "DONE"), shortLived).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(seeyon.issued.get()).isEqualTo(2);
        assertThat(stub.requests).noneMatch(r -> r.path().equals(UPDATE) && !seeyon.validTokens.contains(r.header("token")));
    }

    @Test
    void aTokenSeeyonNeverAcceptsIsTriedOnceMoreThenRetried() {
        seeyon.mode = "distrust";
        Fixtures.Todo a = new Fixtures.Todo(UUID.randomUUID(), "cg_officer");
        DeliveryResult r = adapter.deliver(a.next(TodoEvents.CREATED, "OPEN"), target);
        assertThat(r.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(stub.requests).extracting(StubServer.Request::path).containsExactly(TOKEN, RECEIVE, TOKEN, RECEIVE);
    }

    @Test
    void wrongCredentialsNeverReachThePendingCall() {
        Fixtures.Todo a = new Fixtures.Todo(UUID.randomUUID(), "cg_officer");
        DeliveryResult r = adapter.deliver(a.next(TodoEvents.CREATED, "OPEN"), target(Map.of("password", "wrong"), Duration.ofSeconds(10)));
        assertThat(r.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.responseExcerpt()).contains("用户名或密码错误");
        assertThat(stub.requests).extracting(StubServer.Request::path).containsExactly(TOKEN);

        DeliveryResult unset = adapter.deliver(a.next(TodoEvents.CREATED, "OPEN"), Fixtures.target(stub.base(), Map.of("registerCode", "3006")));
        assertThat(unset.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(stub.requests).hasSize(1);
    }

    @Test
    void seeyonsRefusalsAreRejectedWithItsMessage() {
        Fixtures.Todo ghost = new Fixtures.Todo(UUID.randomUUID(), "ghost");
        DeliveryResult unknown = adapter.deliver(ghost.next(TodoEvents.CREATED, "OPEN"), target);
        assertThat(unknown.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.responseExcerpt()).contains("\"success\":false").contains("接收人[ghost]不存在");

        DeliveryResult wrongCode = adapter.deliver(new Fixtures.Todo(UUID.randomUUID(), "cg_officer").next(TodoEvents.CREATED, "OPEN"),
                target(Map.of("registerCode", "9999"), Duration.ofSeconds(10)));
        assertThat(wrongCode.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(wrongCode.responseExcerpt()).contains("注册系统编码[9999]不存在");
    }

    @Test
    void statusesAndTimeouts() {
        Fixtures.Todo a = new Fixtures.Todo(UUID.randomUUID(), "cg_officer");
        adapter.deliver(a.next(TodoEvents.CREATED, "OPEN"), target); // token cached

        seeyon.mode = "gone";
        assertThat(adapter.deliver(a.next(TodoEvents.DONE, "DONE"), target).outcome()).isEqualTo(Outcome.GONE);

        seeyon.mode = "busy";
        DeliveryResult busy = adapter.deliver(a.next(TodoEvents.DONE, "DONE"), target);
        assertThat(busy.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(30));

        seeyon.mode = "slow";
        DeliveryResult slow = adapter.deliver(a.next(TodoEvents.DONE, "DONE"), target(Map.of(), Duration.ofMillis(300)));
        stub.release.countDown();
        assertThat(slow.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(slow.responseExcerpt()).contains("HttpTimeoutException");
    }

    @Test
    void otherEventsAreNotSeeyonsBusiness() {
        assertThat(adapter.deliver(Fixtures.taskIssued(), target).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(stub.requests).isEmpty();
    }
}
