package cn.qingfeng.todo;

import static cn.qingfeng.todo.Todos.act;
import static cn.qingfeng.todo.Todos.assignment;
import static cn.qingfeng.todo.Todos.in;
import static cn.qingfeng.todo.Todos.kinds;
import static cn.qingfeng.todo.Todos.of;
import static cn.qingfeng.todo.Todos.today;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.support.DemoUnits;
import cn.qingfeng.user.UserDirectory;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A task's to-dos through their whole life, as each receiver and the journal see them: one record
 * per receiver and assignment, with a stable id, opened, updated, done (已办), opened again after 退回,
 * finished (办结) for all, or withdrawn when the task is cancelled.
 */
@QuarkusTest
class TodoLifecycleTest {

    @Inject
    UserDirectory directory;

    /** An officer of the venues centre's branch, as a token would describe them (no demo login exists). */
    private String branchOfficer() {
        String subject = "test-branch-officer-" + UUID.randomUUID();
        directory.sync(new UserDirectory.Profile(subject, "branch_officer", "场馆支部联络员", "SJ-CGZX-DZB", Set.of("unit_officer"), null));
        return subject;
    }

    @Test
    void aTaskIssuedToTwoUnitsLivesThroughOneToDoPerReceiver() throws Exception {
        String cg = Todos.subject("cg_officer");
        String xx = Todos.subject("xx_officer");
        String jiandu = Todos.subject("jiandu");
        String jiandu2 = Todos.subject("jiandu2");
        Todos.subject("bgs_officer");
        String branch = branchOfficer();

        Map<UUID, String> units = new LinkedHashMap<>();
        units.put(DemoUnits.VENUES_BRANCH, "LEAD");
        units.put(DemoUnits.SCHOOL, "COOPERATING");
        String task = Todos.issue("统一待办：两单位任务 " + UUID.randomUUID(), today().plusDays(10), units);
        String a = assignment(task, DemoUnits.VENUES_BRANCH);
        String b = assignment(task, DemoUnits.SCHOOL);

        // At once, without polling: the branch's officer and the officer of the centre above it; the school's officer.
        Map<String, Object> cgTodo = in("cg_officer", a, "OPEN");
        String cgId = (String) cgTodo.get("id");
        assertThat(kinds(cgTodo)).containsExactly("assignment.accept");
        assertThat(cgTodo.get("stepName")).isEqualTo("签收");
        assertThat(cgTodo.get("flowType")).isEqualTo("task_assignment");
        assertThat(cgTodo.get("unitId")).isEqualTo(DemoUnits.VENUES_BRANCH.toString());
        assertThat(cgTodo.get("unitName")).isEqualTo("场馆中心党支部");
        assertThat((String) cgTodo.get("link")).isEqualTo("/tasks/" + task + "?assignment=" + a);
        assertThat(cgTodo.get("warning")).isEqualTo("GREEN");
        assertThat(cgTodo.get("read")).isEqualTo(false);
        assertThat(kinds(in("xx_officer", b, "OPEN"))).containsExactly("assignment.accept");
        assertThat(of("cg_officer", b, "OPEN")).isEmpty();
        assertThat(of("xx_officer", a, "OPEN")).isEmpty();
        assertThat(of("bgs_officer", a, "OPEN")).isEmpty();
        assertThat(of("jiandu", a, "OPEN")).isEmpty();
        assertThat(Todos.stored(a)).containsOnlyKeys(cg, branch);
        assertThat(Todos.stored(b)).containsOnlyKeys(xx);

        // Accepted: still one to-do each, asking something else.
        act("cg_officer", a, "accept", null);
        Map<String, Object> accepted = in("cg_officer", a, "OPEN");
        assertThat(accepted.get("id")).isEqualTo(cgId);
        assertThat(kinds(accepted)).containsExactly("assignment.report");
        assertThat(Todos.stored(a).get(branch)).containsEntry("kinds", "assignment.report").containsEntry("state", "OPEN");

        // An urge adds a reason to the same to-do, not a second entry.
        io.restassured.RestAssured.given().auth().oauth2(cn.qingfeng.support.Tokens.user("jiandu")).contentType("application/json")
                .body(Map.of("message", "请本周内报送")).post("/api/v1/assignments/{id}/urges", a).then().statusCode(200);
        assertThat(list("cg_officer").stream().filter(t -> a.equals(t.get("flowId")))).singleElement()
                .satisfies(t -> assertThat(kinds(t)).containsExactly("assignment.report", "assignment.answer-urge"));
        String urge = cn.qingfeng.support.Api.as("cg_officer").get("/api/v1/assignments/{id}/urges", a).then().extract().path("items[0].id");
        cn.qingfeng.support.Api.as("cg_officer").body(Map.of("reply", "本周内报送"))
                .post("/api/v1/assignments/{id}/urges/{u}/reply", a, urge).then().statusCode(200);
        assertThat(kinds(in("cg_officer", a, "OPEN"))).containsExactly("assignment.report");

        // Submitted: done (已办) for the unit's officers; the supervisors are asked to approve.
        act("cg_officer", a, "submit", Map.of());
        assertThat(in("cg_officer", a, "DONE").get("id")).isEqualTo(cgId);
        assertThat(Todos.stored(a).get(branch)).containsEntry("state", "DONE");
        Map<String, Object> approve = in("jiandu", a, "OPEN");
        String jianduId = (String) approve.get("id");
        assertThat(kinds(approve)).containsExactly("assignment.approve");
        assertThat(approve.get("stepName")).isEqualTo("审核");
        assertThat(kinds(in("jiandu2", a, "OPEN"))).containsExactly("assignment.approve");

        // 退回: the officers' to-do opens again, the same record; the supervisors' is done.
        act("jiandu", a, "return", Map.of("reason", "缺少签到表"));
        Map<String, Object> reopened = in("cg_officer", a, "OPEN");
        assertThat(reopened.get("id")).isEqualTo(cgId);
        assertThat(kinds(reopened)).containsExactly("assignment.report");
        assertThat(in("jiandu", a, "DONE").get("id")).isEqualTo(jianduId);

        act("cg_officer", a, "submit", Map.of());
        assertThat(in("jiandu", a, "OPEN").get("id")).isEqualTo(jianduId);

        // Approved: 办结 for everyone of the assignment.
        act("jiandu", a, "approve", Map.of());
        assertThat(in("cg_officer", a, "FINISHED").get("id")).isEqualTo(cgId);
        assertThat(in("jiandu", a, "FINISHED").get("id")).isEqualTo(jianduId);
        in("jiandu2", a, "FINISHED");
        assertThat(Todos.stored(a).values()).extracting(t -> t.get("state")).containsOnly("FINISHED");
        assertThat(in("xx_officer", b, "OPEN")).isNotNull();

        // The task cancelled: what is still open is withdrawn; what finished stays finished.
        Todos.cancel(task);
        in("xx_officer", b, "WITHDRAWN");
        in("cg_officer", a, "FINISHED");

        // The journal holds exactly these events, each to-do's versions rising one by one.
        assertThat(Todos.events(cgId)).extracting(Todos.Event::action).containsExactly(
                "todo.created", "todo.updated", "todo.updated", "todo.updated", "todo.done", "todo.created", "todo.done",
                "todo.finished");
        assertThat(Todos.events(jianduId)).extracting(Todos.Event::action).containsExactly(
                "todo.created", "todo.done", "todo.created", "todo.finished");
        for (List<Todos.Event> events : List.of(Todos.events(cgId), Todos.events(jianduId))) {
            for (int i = 0; i < events.size(); i++) {
                TodoSnapshot s = events.get(i).todo();
                assertThat(s.version()).isEqualTo(i + 1L);
                assertThat(s.state()).isEqualTo(switch (events.get(i).action()) {
                    case "todo.created", "todo.updated" -> "OPEN";
                    case "todo.done" -> "DONE";
                    case "todo.finished" -> "FINISHED";
                    default -> "WITHDRAWN";
                });
            }
        }
        TodoSnapshot first = Todos.events(cgId).get(0).todo();
        assertThat(first.flowId().toString()).isEqualTo(a);
        assertThat(first.receiverSubject()).isEqualTo(cg);
        assertThat(first.receiverUsername()).isEqualTo("cg_officer");
        assertThat(first.senderUsername()).isEqualTo("jiandu");
        assertThat(first.kinds()).containsExactly("assignment.accept");
        assertThat(first.title()).startsWith("RW-").contains("统一待办：两单位任务");
        assertThat(first.flowName()).isEqualTo("督办任务");
        assertThat(Todos.events(cgId).get(7).todo().kinds()).isEmpty();
        assertThat(Todos.flowEvents(b)).extracting(Todos.Event::action).containsExactly("todo.created", "todo.withdrawn");
        // Four receivers of the assignment: the two officers, the two supervisors; nobody else heard of it.
        assertThat(Todos.flowEvents(a)).extracting(e -> e.todo().receiverSubject()).containsOnly(cg, branch, jiandu, jiandu2);
    }

    private static List<Map<String, Object>> list(String user) {
        return Todos.list(user, "OPEN");
    }
}
