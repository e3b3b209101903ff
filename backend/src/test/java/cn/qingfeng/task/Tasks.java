package cn.qingfeng.task;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.support.Api;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Steps of the task flow as the API's users take them. */
/** The task ledger's steps as tests take them through the API (shared by the task, to-do and OA tests). */
public final class Tasks {

    private Tasks() {
    }

    public static Map<String, Object> draft(String title, LocalDate deadline) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("category", "STUDY");
        body.put("priority", "HIGH");
        body.put("basis", "市体发〔2026〕1号");
        if (deadline != null) {
            body.put("deadline", deadline.toString());
        }
        return body;
    }

    /** Creates and issues a task; answers the task id. */
    public static String issued(String title, LocalDate deadline, Map<UUID, String> units) {
        Response created = Api.as("jiandu").body(draft(title, deadline)).post("/api/v1/tasks");
        created.then().statusCode(201);
        String id = created.path("task.id");
        List<Map<String, String>> list = units.entrySet().stream()
                .map(e -> Map.of("unitId", e.getKey().toString(), "role", e.getValue())).toList();
        Api.as("jiandu").header("If-Match", created.header("ETag")).body(Map.of("units", list))
                .post("/api/v1/tasks/{id}/issue", id).then().statusCode(200);
        return id;
    }

    static String assignmentOf(String user, String taskId) {
        List<String> ids = Api.as(user).get("/api/v1/tasks/{id}", taskId).then().statusCode(200).extract().path("assignments.id");
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    public static String etag(String user, String assignmentId) {
        return Api.as(user).get("/api/v1/assignments/{id}", assignmentId).then().statusCode(200).extract().header("ETag");
    }

    public static Response act(String user, String assignmentId, String action, Object body) {
        var req = Api.as(user).header("If-Match", etag(user, assignmentId));
        if (body != null) {
            req.body(body);
        }
        return req.post("/api/v1/assignments/{id}/" + action, assignmentId);
    }

    /** What the user's open to-do of the assignment asks (none: no open to-do). */
    @SuppressWarnings("unchecked")
    static List<String> todoKinds(String user, String entityId) {
        List<Map<String, Object>> items = Api.as(user).queryParam("limit", 200).get("/api/v1/me/todos")
                .then().statusCode(200).extract().path("items");
        return items.stream().filter(i -> entityId.equals(i.get("flowId")))
                .flatMap(i -> ((List<String>) i.get("kinds")).stream()).toList();
    }
}
