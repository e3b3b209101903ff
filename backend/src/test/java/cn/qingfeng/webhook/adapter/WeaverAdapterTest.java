package cn.qingfeng.webhook.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.todo.TodoEvents;
import cn.qingfeng.webhook.adapter.DeliveryResult.Outcome;
import cn.qingfeng.webhook.adapter.StubServer.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WEAVER against a stub of e-cology's 统一待办 OFS REST interface. */
class WeaverAdapterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    private static final List<String> STATUS_FIELDS = List.of("syscode", "flowid", "requestname", "workflowname", "nodename",
            "pcurl", "appurl", "isremark", "viewtype", "creator", "createdatetime", "receiver", "receivedatetime", "receivets");

    /** What e-cology does with these calls, reduced to what we rely on. */
    static final class Weaver implements StubServer.Handler {
        final String syscode = "QF_DUBAN";
        final Set<String> users = Set.of("cg.zhang", "xx.li", "jd.wang");
        /** One row per flowid + receiver, as Weaver's ofs_todo_data keeps them. */
        final Map<String, Map<String, String>> rows = new ConcurrentHashMap<>();
        StubServer stub;
        volatile String mode = "normal";

        @Override
        public Reply handle(StubServer.Request r) throws Exception {
            switch (mode) {
                case "gone" -> {
                    return Reply.of(410, "text/plain", "Gone");
                }
                case "busy" -> {
                    return Reply.of(503, "text/html", "<h1>503</h1>").with("Retry-After", "90");
                }
                case "slow" -> stub.awaitRelease();
                case "html" -> {
                    return Reply.of(200, "text/html;charset=UTF-8", "<html><body>请登录</body></html>");
                }
                default -> {
                }
            }
            stub.check(r.method().equals("POST"), "method " + r.method());
            stub.check(r.header("Content-Type") != null && r.header("Content-Type").startsWith("application/json"),
                    "content type " + r.header("Content-Type"));
            JsonNode body = JSON.readTree(r.body());
            body.fields().forEachRemaining(f -> stub.check(f.getValue().isTextual(), f.getKey() + " must be a string"));
            String path = r.path();
            if (path.equals("/rest/ofs/deleteUserRequestInfoByJson")) {
                for (String f : List.of("syscode", "flowid", "userid")) {
                    stub.check(!body.path(f).asText().isBlank(), "delete without " + f);
                }
                if (!syscode.equals(body.path("syscode").asText())) {
                    return answer(body, "Del", "0", "异构系统标识不存在");
                }
                Map<String, String> gone = rows.remove(body.path("flowid").asText() + "|" + body.path("userid").asText());
                return gone == null ? answer(body, "Del", "0", "流程数据不存在") : answer(body, "Del", "1", "");
            }
            String isremark = switch (path) {
                case "/rest/ofs/ReceiveRequestInfoByJson" -> "0";
                case "/rest/ofs/ProcessDoneRequestByJson" -> "2";
                case "/rest/ofs/ProcessOverRequestByJson" -> "4";
                default -> null;
            };
            if (isremark == null) {
                return Reply.of(404, "text/html", "Not Found");
            }
            for (String f : STATUS_FIELDS) {
                stub.check(!body.path(f).asText().isBlank(), path + " without " + f);
            }
            stub.check(isremark.equals(body.path("isremark").asText()), path + " with isremark " + body.path("isremark").asText());
            stub.check(body.path("viewtype").asText().equals(isremark.equals("0") ? "0" : "1"), "viewtype " + body.path("viewtype"));
            stub.check(DATETIME.matcher(body.path("createdatetime").asText()).matches(), "createdatetime " + body.path("createdatetime"));
            stub.check(DATETIME.matcher(body.path("receivedatetime").asText()).matches(), "receivedatetime " + body.path("receivedatetime"));
            stub.check(body.path("receivets").asText().matches("\\d+"), "receivets " + body.path("receivets"));
            stub.check(body.path("pcurl").asText().matches("https?://[^/]+/.*"), "pcurl not absolute");
            if (!syscode.equals(body.path("syscode").asText())) {
                return answer(body, "AutoNew", "0", "异构系统标识[" + body.path("syscode").asText() + "]不存在");
            }
            if (!users.contains(body.path("receiver").asText())) {
                return answer(body, "AutoNew", "0", "接收人[" + body.path("receiver").asText() + "]不存在");
            }
            String key = body.path("flowid").asText() + "|" + body.path("receiver").asText();
            Map<String, String> row = rows.get(key);
            if (row != null && Long.parseLong(body.path("receivets").asText()) < Long.parseLong(row.get("receivets"))) {
                return answer(body, "AutoEdit", "1", ""); // older than what it has: accepted, not applied
            }
            Map<String, String> next = new LinkedHashMap<>();
            body.fields().forEachRemaining(f -> next.put(f.getKey(), f.getValue().asText()));
            rows.put(key, next);
            return answer(body, row == null ? "AutoNew" : "AutoEdit", "1", "");
        }

        private Reply answer(JsonNode body, String operType, String result, String message) throws Exception {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("syscode", body.path("syscode").asText());
            m.put("dateType", "WfData");
            m.put("operType", operType);
            m.put("operResult", result);
            m.put("message", message);
            return Reply.json(JSON.writeValueAsString(m));
        }

        Map<String, String> row(UUID flow, String login) {
            return rows.get(flow + "|" + login);
        }
    }

    private final WeaverAdapter adapter = new WeaverAdapter();
    private final Weaver weaver = new Weaver();
    private StubServer stub;
    private Target target;

    @BeforeEach
    void start() throws Exception {
        stub = new StubServer(weaver);
        weaver.stub = stub;
        target = Fixtures.target(stub.base().resolve("/"), Map.of("syscode", weaver.syscode));
    }

    @AfterEach
    void stop() {
        stub.close();
        assertThat(stub.violations).isEmpty();
    }

    @Test
    void aToDoLivesItsLifeInWeaversUnifiedList() {
        UUID flow = UUID.randomUUID();
        Fixtures.Todo a = new Fixtures.Todo(flow, "cg_officer");
        Fixtures.Todo b = new Fixtures.Todo(flow, "xx_officer");

        // 待办 for two receivers: one flow, two rows.
        assertThat(adapter.deliver(a.next(TodoEvents.CREATED, "OPEN"), target).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(adapter.deliver(b.next(TodoEvents.CREATED, "OPEN"), target).outcome()).isEqualTo(Outcome.DELIVERED);
        Map<String, String> rowA = weaver.row(flow, "cg.zhang");
        assertThat(rowA).containsEntry("isremark", "0").containsEntry("viewtype", "0")
                .containsEntry("flowid", flow.toString())
                .containsEntry("requestname", "RW-2026-0003 清明节节点纪律检查")
                .containsEntry("workflowname", "督办任务").containsEntry("nodename", "签收")
                .containsEntry("creator", "jd.wang")
                .containsEntry("createdatetime", "2026-04-01 09:02:03")
                .containsEntry("receivedatetime", "2026-04-01 09:03:03")
                .containsEntry("pcurl", "https://qingfeng.example.gov.cn/app/tasks/" + flow + "?assignment=" + a.todoId)
                .containsEntry("receivets", "1");
        assertThat(weaver.row(flow, "xx.li")).containsEntry("isremark", "0");

        // 已办 for one of them.
        assertThat(adapter.deliver(a.next(TodoEvents.DONE, "DONE"), target).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(weaver.row(flow, "cg.zhang")).containsEntry("isremark", "2").containsEntry("receivets", "2");
        assertThat(weaver.row(flow, "xx.li")).containsEntry("isremark", "0");

        // 办结 for all.
        assertThat(adapter.deliver(a.next(TodoEvents.FINISHED, "FINISHED"), target).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(adapter.deliver(b.next(TodoEvents.FINISHED, "FINISHED"), target).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(weaver.row(flow, "cg.zhang")).containsEntry("isremark", "4").containsEntry("receivets", "3");
        assertThat(weaver.row(flow, "xx.li")).containsEntry("isremark", "4").containsEntry("receivets", "2");
        assertThat(stub.requestsTo(WeaverAdapter.OVER)).hasSize(2);

        // A late retry of the first push carries its old receivets, and Weaver keeps the newer row.
        assertThat(adapter.deliver(a.event(TodoEvents.CREATED, "OPEN", 1), target).outcome()).isEqualTo(Outcome.DELIVERED);
        StubServer.Request late = stub.requests.get(stub.requests.size() - 1);
        assertThat(late.path()).isEqualTo(WeaverAdapter.RECEIVE);
        assertThat(late.body()).contains("\"receivets\":\"1\"");
        assertThat(weaver.row(flow, "cg.zhang")).containsEntry("isremark", "4").containsEntry("receivets", "3");
    }

    @Test
    void aCancelledMatterWithdrawsEachReceiversRow() {
        UUID flow = UUID.randomUUID();
        Fixtures.Todo a = new Fixtures.Todo(flow, "cg_officer");
        Fixtures.Todo b = new Fixtures.Todo(flow, "xx_officer");
        adapter.deliver(a.next(TodoEvents.CREATED, "OPEN"), target);
        adapter.deliver(b.next(TodoEvents.CREATED, "OPEN"), target);

        assertThat(adapter.deliver(a.next(TodoEvents.WITHDRAWN, "WITHDRAWN"), target).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(weaver.row(flow, "cg.zhang")).isNull();
        assertThat(weaver.row(flow, "xx.li")).isNotNull();
        assertThat(adapter.deliver(b.next(TodoEvents.WITHDRAWN, "WITHDRAWN"), target).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(weaver.rows).isEmpty();
        assertThat(stub.requestsTo(WeaverAdapter.DELETE_USER)).extracting(StubServer.Request::body)
                .allMatch(body -> body.contains("\"syscode\":\"QF_DUBAN\"") && body.contains("\"flowid\":\"" + flow + "\""))
                .anyMatch(body -> body.contains("\"userid\":\"cg.zhang\""))
                .anyMatch(body -> body.contains("\"userid\":\"xx.li\""));

        // Withdrawn twice (a retry after a lost answer): Weaver says the row is gone, which is what we want.
        DeliveryResult again = adapter.deliver(b.event(TodoEvents.WITHDRAWN, "WITHDRAWN", b.version), target);
        assertThat(again.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(again.responseExcerpt()).contains("不存在");
    }

    @Test
    void weaversRefusalsAreRejectedWithItsMessage() {
        Fixtures.Todo a = new Fixtures.Todo(UUID.randomUUID(), "cg_officer");
        DeliveryResult wrongSyscode = adapter.deliver(a.next(TodoEvents.CREATED, "OPEN"),
                Fixtures.target(stub.base(), Map.of("syscode", "unregistered")));
        assertThat(wrongSyscode.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(wrongSyscode.statusCode()).isEqualTo(200);
        assertThat(wrongSyscode.responseExcerpt()).contains("\"operResult\":\"0\"").contains("unregistered");

        Fixtures.Todo ghost = new Fixtures.Todo(UUID.randomUUID(), "ghost");
        DeliveryResult unknownReceiver = adapter.deliver(ghost.next(TodoEvents.CREATED, "OPEN"), target);
        assertThat(unknownReceiver.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(unknownReceiver.responseExcerpt()).contains("接收人[ghost]不存在");
    }

    @Test
    void statusesTimeoutsAndForeignAnswers() {
        Fixtures.Todo a = new Fixtures.Todo(UUID.randomUUID(), "cg_officer");

        weaver.mode = "gone";
        assertThat(adapter.deliver(a.next(TodoEvents.CREATED, "OPEN"), target).outcome()).isEqualTo(Outcome.GONE);

        weaver.mode = "busy";
        DeliveryResult busy = adapter.deliver(a.next(TodoEvents.CREATED, "OPEN"), target);
        assertThat(busy.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(90));

        weaver.mode = "html";
        DeliveryResult html = adapter.deliver(a.next(TodoEvents.CREATED, "OPEN"), target);
        assertThat(html.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(html.statusCode()).isEqualTo(200);

        weaver.mode = "slow";
        DeliveryResult slow = adapter.deliver(a.next(TodoEvents.CREATED, "OPEN"),
                Fixtures.target(stub.base(), Map.of("syscode", weaver.syscode), List.of(), Duration.ofMillis(300)));
        stub.release.countDown();
        assertThat(slow.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(slow.responseExcerpt()).contains("HttpTimeoutException");
    }

    @Test
    void otherEventsAreNotWeaversBusiness() {
        DeliveryResult r = adapter.deliver(Fixtures.taskIssued(), target);
        assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(stub.requests).isEmpty();
    }

    @Test
    void settingsNameTheWorkflowAndTheSystemCreator() {
        UUID flow = UUID.randomUUID();
        Fixtures.Todo a = new Fixtures.Todo(flow, "xx_officer");
        Target t = Fixtures.target(stub.base(), Map.of("syscode", weaver.syscode, "workflowname", "督办事项", "workflownamePrefix", "清风-"));
        assertThat(adapter.deliver(a.next(TodoEvents.CREATED, "OPEN"), t).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(weaver.row(flow, "xx.li")).containsEntry("workflowname", "清风-督办事项");
    }
}
