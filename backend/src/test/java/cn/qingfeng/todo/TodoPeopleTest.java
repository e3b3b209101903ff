package cn.qingfeng.todo;

import static cn.qingfeng.todo.Todos.assignment;
import static cn.qingfeng.todo.Todos.in;
import static cn.qingfeng.todo.Todos.of;
import static cn.qingfeng.todo.Todos.today;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.support.Api;
import cn.qingfeng.support.Db;
import cn.qingfeng.support.DemoUnits;
import cn.qingfeng.user.UserDirectory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Receivers are people: who is asked follows their unit and roles as their tokens say them (kept by
 * the user directory), and the unit tree. A person who appears gets what waits for them at once; one
 * who changes unit loses the old unit's open to-dos (撤回) and gets the new unit's.
 */
@QuarkusTest
class TodoPeopleTest {

    @Inject
    UserDirectory directory;

    private void profile(String subject, String unitCode, Set<String> roles) {
        directory.sync(new UserDirectory.Profile(subject, "mover", "调动的联络员", unitCode, roles, null));
    }

    /** The person's open to-dos as stored: flow id → the path of the flow's unit in the tree. */
    private static Map<String, String> openOf(String subject) throws Exception {
        Map<String, String> out = new java.util.HashMap<>();
        try (Connection c = Db.asApp(); PreparedStatement s = c.prepareStatement("select cast(t.flow_id as text), u.path"
                + " from todo t join unit u on u.id = t.unit_id where t.receiver_subject = ? and t.state = 'OPEN'")) {
            s.setString(1, subject);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), r.getString(2));
                }
            }
        }
        return out;
    }

    @Test
    void anOfficerWhoChangesUnitLosesTheOldUnitsOpenToDosAndGetsTheNewOnes() throws Exception {
        String venues = assignment(Todos.issue("调动前的任务 " + UUID.randomUUID(), today().plusDays(9),
                Map.of(DemoUnits.VENUES, "LEAD")), DemoUnits.VENUES);
        String school = assignment(Todos.issue("调动后的任务 " + UUID.randomUUID(), today().plusDays(8),
                Map.of(DemoUnits.SCHOOL, "LEAD")), DemoUnits.SCHOOL);
        String subject = "test-mover-" + UUID.randomUUID();

        // First seen as the venues centre's officer: what already waits there is theirs at once.
        profile(subject, "SJ-CGZX", Set.of("unit_officer"));
        assertThat(Todos.stored(venues).get(subject)).containsEntry("state", "OPEN").containsEntry("kinds", "assignment.accept");
        assertThat(Todos.stored(school)).doesNotContainKey(subject);
        String venuesTodo = Todos.stored(venues).get(subject).get("id");
        assertThat(openOf(subject).values()).isNotEmpty().allSatisfy(path -> assertThat(path).contains("/" + DemoUnits.VENUES + "/"));

        // Moved to the sports school (token claim `unit`): the centre's open to-dos withdrawn, the school's given.
        profile(subject, "SJ-YDXX", Set.of("unit_officer"));
        assertThat(Todos.stored(venues).get(subject)).containsEntry("state", "WITHDRAWN").containsEntry("id", venuesTodo);
        assertThat(Todos.stored(school).get(subject)).containsEntry("state", "OPEN").containsEntry("kinds", "assignment.accept");
        assertThat(openOf(subject).values()).isNotEmpty().allSatisfy(path -> assertThat(path).contains("/" + DemoUnits.SCHOOL + "/"));

        // Back again: the same to-do opens again (a new version of the same record).
        profile(subject, "SJ-CGZX", Set.of("unit_officer"));
        assertThat(Todos.stored(venues).get(subject)).containsEntry("state", "OPEN").containsEntry("id", venuesTodo);
        assertThat(Todos.events(venuesTodo)).extracting(Todos.Event::action)
                .containsExactly("todo.created", "todo.withdrawn", "todo.created");
        assertThat(Todos.events(venuesTodo)).extracting(e -> e.todo().version()).containsExactly(1L, 2L, 3L);

        // No longer an officer: nothing is asked of them any more.
        profile(subject, "SJ-CGZX", Set.of("viewer"));
        assertThat(openOf(subject)).isEmpty();
        assertThat(Todos.stored(venues).get(subject)).containsEntry("state", "WITHDRAWN");
    }

    @Test
    void aUnitMovedUnderAnotherParentIsAskedOfItsNewParentsOfficers() {
        String code = "TD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String unit = Api.as("admin").body(Map.of("code", code, "name", "统一待办测试支部", "kind", "BRANCH",
                        "parentId", DemoUnits.VENUES.toString())).post("/api/v1/units").then().statusCode(201).extract().path("id");
        String a = assignment(Todos.issue("随单位调整的任务 " + UUID.randomUUID(), today().plusDays(7),
                Map.of(UUID.fromString(unit), "LEAD")), UUID.fromString(unit));
        String cgTodo = (String) in("cg_officer", a, "OPEN").get("id");
        assertThat(of("xx_officer", a, "OPEN")).isEmpty();

        Response u = Api.as("admin").get("/api/v1/units/{id}", unit);
        Api.as("admin").header("If-Match", u.header("ETag")).body(Map.of("parentId", DemoUnits.SCHOOL.toString()))
                .post("/api/v1/units/{id}/move", unit).then().statusCode(200);
        assertThat(in("cg_officer", a, "WITHDRAWN").get("id")).isEqualTo(cgTodo);
        assertThat(Todos.kinds(in("xx_officer", a, "OPEN"))).containsExactly("assignment.accept");
    }

    @Test
    void aPersonOnlySeesTheirOwnToDos() {
        String a = assignment(Todos.issue("各看各的待办 " + UUID.randomUUID(), today().plusDays(6),
                Map.of(DemoUnits.SCHOOL, "LEAD")), DemoUnits.SCHOOL);
        String mine = (String) in("xx_officer", a, "OPEN").get("id");
        List<String> others = new ArrayList<>();
        for (String user : List.of("cg_officer", "bgs_officer", "jiandu", "cg_viewer", "admin", "shenji", "lingdao")) {
            for (String state : List.of("OPEN", "DONE", "FINISHED", "WITHDRAWN")) {
                Todos.list(user, state).forEach(t -> others.add((String) t.get("id")));
            }
            // Marking another person's to-do read: not found, and it stays unread for its owner.
            Api.as(user).post("/api/v1/me/todos/{id}/read", mine).then().statusCode(404)
                    .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
        }
        assertThat(others).doesNotContain(mine);
        assertThat(in("xx_officer", a, "OPEN").get("read")).isEqualTo(false);
        Api.as("xx_officer").post("/api/v1/me/todos/{id}/read", mine).then().statusCode(204);
        assertThat(in("xx_officer", a, "OPEN").get("read")).isEqualTo(true);
    }
}
