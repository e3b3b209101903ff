package cn.qingfeng.todo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.support.Api;
import cn.qingfeng.support.Db;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The to-do lists as their users read them, the journal's todo.* events, and the few steps of the ledgers the tests take. */
final class Todos {

    static final ObjectMapper JSON = new ObjectMapper();

    private Todos() {
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /** The user's to-dos in a state (OPEN: the default list), up to 200. */
    static List<Map<String, Object>> list(String user, String state) {
        return Api.as(user).queryParam("state", state).queryParam("limit", 200).get("/api/v1/me/todos")
                .then().statusCode(200).extract().path("items");
    }

    /** The user's to-do of a flow in a state, if any. */
    static Optional<Map<String, Object>> of(String user, String flowId, String state) {
        return list(user, state).stream().filter(t -> flowId.equals(t.get("flowId"))).findFirst();
    }

    /** The user's to-do of a flow, which must be in that state (and in no other list). */
    static Map<String, Object> in(String user, String flowId, String state) {
        Map<String, Object> t = of(user, flowId, state).orElseThrow(() -> new AssertionError(user + " has no " + state
                + " to-do of " + flowId + "; open: " + list(user, "OPEN").stream().filter(x -> flowId.equals(x.get("flowId"))).toList()));
        for (String other : List.of("OPEN", "DONE", "FINISHED", "WITHDRAWN")) {
            if (!other.equals(state)) {
                assertThat(of(user, flowId, other)).as(user + " " + other + " to-do of " + flowId).isEmpty();
            }
        }
        return t;
    }

    @SuppressWarnings("unchecked")
    static List<String> kinds(Map<String, Object> todo) {
        return (List<String>) todo.get("kinds");
    }

    /** Every to-do of a flow as stored, by receiver subject: state, kinds, id. */
    static Map<String, Map<String, String>> stored(String flowId) throws Exception {
        Map<String, Map<String, String>> out = new HashMap<>();
        try (Connection c = Db.asApp(); PreparedStatement s = c.prepareStatement(
                "select receiver_subject, state, kinds, cast(id as text) from todo where flow_id = cast(? as uuid)")) {
            s.setString(1, flowId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), Map.of("state", r.getString(2), "kinds", r.getString(3), "id", r.getString(4)));
                }
            }
        }
        return out;
    }

    /** A journaled to-do event: its action and snapshot. */
    record Event(String action, TodoSnapshot todo) {
    }

    /** The todo.* events of one to-do, in journal order. */
    static List<Event> events(String todoId) throws Exception {
        return query("select action, cast(changes as text) from event where entity_type = 'todo' and entity_id = ? order by seq", todoId);
    }

    /** The todo.* events of one flow's to-dos, in journal order. */
    static List<Event> flowEvents(String flowId) throws Exception {
        return query("select action, cast(changes as text) from event where entity_type = 'todo' and changes ->> 'flowId' = ?"
                + " order by seq", flowId);
    }

    private static List<Event> query(String sql, String arg) throws Exception {
        List<Event> out = new ArrayList<>();
        try (Connection c = Db.asApp(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Map<String, Object> m = JSON.readValue(r.getString(2), new TypeReference<Map<String, Object>>() { });
                    out.add(new Event(r.getString(1), TodoSnapshot.fromMap(m)));
                }
            }
        }
        return out;
    }

    /** The subject of a demo user, as the directory knows them (they must have called once). */
    static String subject(String username) throws Exception {
        Api.as(username).get("/api/v1/me/todos/summary").then().statusCode(200);
        try (Connection c = Db.asApp(); PreparedStatement s = c.prepareStatement("select subject from app_user where username = ?")) {
            s.setString(1, username);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as(username + " in the directory").isTrue();
                return r.getString(1);
            }
        }
    }

    // ---------------------------------------------------------------- the ledgers' steps

    /** A task created and issued to the units (unit → LEAD / COOPERATING); answers its id. */
    static String issue(String title, LocalDate deadline, Map<UUID, String> units) {
        Map<String, Object> draft = new HashMap<>(Map.of("title", title, "category", "STUDY", "priority", "NORMAL"));
        draft.put("deadline", deadline.toString());
        Response created = Api.as("jiandu").body(draft).post("/api/v1/tasks");
        created.then().statusCode(201);
        String id = created.path("task.id");
        List<Map<String, String>> list = units.entrySet().stream()
                .map(e -> Map.of("unitId", e.getKey().toString(), "role", e.getValue())).toList();
        Api.as("jiandu").header("If-Match", created.header("ETag")).body(Map.of("units", list))
                .post("/api/v1/tasks/{id}/issue", id).then().statusCode(200);
        return id;
    }

    /** The task's assignment of a unit. */
    static String assignment(String taskId, UUID unit) {
        List<Map<String, Object>> list = Api.as("jiandu").get("/api/v1/tasks/{id}", taskId).then().statusCode(200)
                .extract().path("assignments");
        return (String) list.stream().filter(a -> unit.toString().equals(((Map<?, ?>) a.get("unit")).get("id")))
                .findFirst().orElseThrow().get("id");
    }

    static void act(String user, String assignmentId, String action, Object body) {
        String etag = Api.as(user).get("/api/v1/assignments/{id}", assignmentId).then().statusCode(200).extract().header("ETag");
        var req = Api.as(user).header("If-Match", etag);
        if (body != null) {
            req.body(body);
        }
        req.post("/api/v1/assignments/{id}/" + action, assignmentId).then().statusCode(200);
    }

    static void cancel(String taskId) {
        String etag = Api.as("jiandu").get("/api/v1/tasks/{id}", taskId).then().extract().header("ETag");
        Api.as("jiandu").header("If-Match", etag).body(Map.of("reason", "上级通知取消")).post("/api/v1/tasks/{id}/cancel", taskId)
                .then().statusCode(200);
    }
}
