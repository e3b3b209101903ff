package cn.qingfeng.webhook.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.support.Api;
import cn.qingfeng.support.DemoUnits;
import cn.qingfeng.task.Tasks;
import cn.qingfeng.webhook.Dispatcher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The unified to-do end to end: a task issued to two units, worked through and cancelled in the
 * real API, reaches Weaver, Seeyon and Landray (their recorded-contract stubs) through the journal,
 * the outbox and the dispatcher — one OA to-do per receiver, 待办 → 已办 → 办结, or withdrawn — with
 * the OA logins from the people mapping. Steps are taken in bursts without dispatching in between,
 * so each OA must still receive a record's changes in the order they happened.
 */
@QuarkusTest
class OaTodoSyncTest {

    private static final Map<String, String> LOGINS = Map.of("cg_officer", "cg.zhang", "xx_officer", "xx.li", "jiandu", "jd.wang");

    @Inject
    Dispatcher dispatcher;

    @Inject
    EntityManager em;

    private final WeaverAdapterTest.Weaver weaver = new WeaverAdapterTest.Weaver();
    private final SeeyonAdapterTest.Seeyon seeyon = new SeeyonAdapterTest.Seeyon();
    private final LandrayAdapterTest.Ekp ekp = new LandrayAdapterTest.Ekp();
    private StubServer weaverStub;
    private StubServer seeyonStub;
    private StubServer ekpStub;

    @BeforeEach
    void start() throws Exception {
        disableAll();
        weaverStub = new StubServer(weaver);
        weaver.stub = weaverStub;
        seeyonStub = new StubServer(seeyon);
        seeyon.stub = seeyonStub;
        ekpStub = new StubServer(ekp);
        ekp.stub = ekpStub;
        Api.as("admin").body(Map.of("note", "OA stubs")).put("/api/v1/webhooks/allowed-hosts/127.0.0.1").then().statusCode(200);
        LOGINS.forEach(this::mapPerson);
        subscribe("WEAVER", weaverStub, Map.of("syscode", weaver.syscode));
        subscribe("SEEYON", seeyonStub, Map.of("registerCode", seeyon.registerCode, "userName", seeyon.userName,
                "password", seeyon.password));
        subscribe("LANDRAY", ekpStub, Map.of("userName", ekp.user, "password", ekp.password));
    }

    @AfterEach
    void stop() {
        disableAll();
        weaverStub.close();
        seeyonStub.close();
        ekpStub.close();
    }

    /** Subscriptions other tests left must not take this test's events (and theirs not reach these stubs). */
    private void disableAll() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update webhook_subscription set status = 'DISABLED'")
                .executeUpdate());
    }

    private void mapPerson(String username, String login) {
        Response existing = Api.as("admin").get("/api/v1/integration/oa-users/{l}", login);
        if (existing.statusCode() == 200 && username.equals(existing.path("username"))) {
            return;
        }
        var put = Api.as("admin").body(Map.of("username", username, "displayName", login));
        if (existing.statusCode() == 200) {
            put.header("If-Match", existing.header("ETag"));
        }
        put.put("/api/v1/integration/oa-users/{l}", login).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    private void subscribe(String adapter, StubServer stub, Map<String, String> settings) {
        Api.as("admin").body(Map.of("name", adapter + " 统一待办 " + UUID.randomUUID(), "url", stub.base().toString(),
                        "adapter", adapter, "eventTypes", List.of("todo."), "settings", settings))
                .post("/api/v1/webhooks/subscriptions").then().statusCode(201);
    }

    /** Dispatches until nothing is due; every to-do delivery of the mapped people must have arrived. */
    private void drain() {
        while (dispatcher.dispatchDue() > 0) {
            // next round: a record's later events become due once its earlier ones are delivered
        }
        assertThat(weaverStub.violations).as("Weaver contract").isEmpty();
        assertThat(seeyonStub.violations).as("Seeyon contract").isEmpty();
        assertThat(ekpStub.violations).as("Landray contract").isEmpty();
    }

    /** The id of a user's to-do of a flow, in a state. */
    private static String todoId(String user, String flowId, String state) {
        List<Map<String, Object>> items = Api.as(user).queryParam("state", state).queryParam("limit", 200)
                .get("/api/v1/me/todos").then().statusCode(200).extract().path("items");
        return items.stream().filter(t -> flowId.equals(t.get("flowId"))).map(t -> (String) t.get("id")).findFirst()
                .orElseThrow(() -> new AssertionError(user + " has no " + state + " to-do of " + flowId));
    }

    private static String assignment(String taskId, UUID unit) {
        List<Map<String, Object>> list = Api.as("jiandu").get("/api/v1/tasks/{id}", taskId).then().statusCode(200)
                .extract().path("assignments");
        return (String) list.stream().filter(a -> unit.toString().equals(((Map<?, ?>) a.get("unit")).get("id")))
                .findFirst().orElseThrow().get("id");
    }

    private static void act(String user, String assignmentId, String action) {
        Tasks.act(user, assignmentId, action, action.equals("accept") ? null : Map.of()).then().statusCode(200);
    }

    @Test
    void aTaskLivesInEachOaAsOneToDoPerReceiverInTheOrderItHappened() {
        Map<UUID, String> units = new java.util.LinkedHashMap<>();
        units.put(DemoUnits.VENUES, "LEAD");
        units.put(DemoUnits.SCHOOL, "COOPERATING");
        String task = Tasks.issued("统一待办联调：节点纪律检查 " + UUID.randomUUID(),
                LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10), units);
        String a = assignment(task, DemoUnits.VENUES);
        String b = assignment(task, DemoUnits.SCHOOL);
        UUID flowA = UUID.fromString(a);
        UUID flowB = UUID.fromString(b);
        String cgTodo = todoId("cg_officer", a, "OPEN");
        String xxTodo = todoId("xx_officer", b, "OPEN");

        // Issued, accepted and submitted before any dispatch: the OAs still see 待办 first, then 已办.
        act("cg_officer", a, "accept");
        act("cg_officer", a, "submit");
        String approveTodo = todoId("jiandu", a, "OPEN");
        drain();

        assertThat(weaver.row(flowA, "cg.zhang")).containsEntry("isremark", "2").containsEntry("receiver", "cg.zhang");
        assertThat(weaver.row(flowB, "xx.li")).containsEntry("isremark", "0");
        assertThat(weaver.row(flowA, "jd.wang")).containsEntry("isremark", "0");
        assertThat(seeyon.pendings.get(cgTodo)).containsEntry("state", "1").containsEntry("subState", "0")
                .containsEntry("thirdReceiverId", "cg.zhang");
        assertThat(seeyon.pendings.get(xxTodo)).containsEntry("state", "0").containsEntry("thirdReceiverId", "xx.li");
        assertThat(seeyon.pendings.get(approveTodo)).containsEntry("state", "0").containsEntry("thirdReceiverId", "jd.wang");
        assertThat(ekp.todo(flowA, "cg.zhang")).containsEntry("state", "已办");
        assertThat(ekp.todo(flowB, "xx.li")).containsEntry("state", "待办");
        assertThat(ekp.todo(flowA, "jd.wang")).containsEntry("state", "待办");

        // Approved (办结 for the assignment's receivers), then the task cancelled (the school's to-do withdrawn).
        act("jiandu", a, "approve");
        String etag = Api.as("jiandu").get("/api/v1/tasks/{id}", task).then().extract().header("ETag");
        Api.as("jiandu").header("If-Match", etag).body(Map.of("reason", "上级通知取消")).post("/api/v1/tasks/{id}/cancel", task)
                .then().statusCode(200);
        drain();

        assertThat(weaver.row(flowA, "cg.zhang")).containsEntry("isremark", "4");
        assertThat(weaver.row(flowA, "jd.wang")).containsEntry("isremark", "4");
        assertThat(weaver.row(flowB, "xx.li")).as("withdrawn from Weaver").isNull();
        assertThat(seeyon.pendings.get(approveTodo)).containsEntry("state", "1");
        assertThat(seeyon.pendings.get(xxTodo)).as("cancelled in Seeyon").containsEntry("state", "1").containsEntry("subState", "2");
        assertThat(ekp.todo(flowA, "jd.wang")).containsEntry("state", "已办");
        assertThat(ekp.todo(flowB, "xx.li")).as("withdrawn from Landray").isNull();

        // Every delivery of the mapped people's to-dos arrived; none is left due or dead.
        List<Map<String, Object>> deliveries = Api.as("admin").queryParam("eventType", "todo.created").queryParam("limit", 200)
                .get("/api/v1/webhooks/deliveries").then().statusCode(200).extract().path("items");
        assertThat(deliveries).isNotEmpty();
        Number open = (Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select count(*) from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id"
                                + " where s.adapter in ('WEAVER', 'SEEYON', 'LANDRAY') and s.status = 'ACTIVE'"
                                + " and d.status in ('PENDING', 'RETRYING')")
                .getSingleResult());
        assertThat(open.longValue()).as("deliveries still due").isZero();
    }
}
