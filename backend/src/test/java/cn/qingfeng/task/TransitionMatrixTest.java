package cn.qingfeng.task;

import static cn.qingfeng.task.Tasks.act;
import static cn.qingfeng.task.Tasks.assignmentOf;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.support.Api;
import cn.qingfeng.support.DemoUnits;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every assignment action from every state, by the role that may take it (allowed → 200, otherwise
 * 409 with the illegal-transition code) and by the role that may not (403).
 */
@QuarkusTest
class TransitionMatrixTest {

    private static final LocalDate DEADLINE = LocalDate.now().plusDays(20);

    /** action → (who may, who may not, request body, states it is allowed from). */
    private record Action(String name, String allowedUser, String refusedUser, Object body, Set<String> from) {
    }

    private static final List<Action> ACTIONS = List.of(
            new Action("accept", "cg_officer", "jiandu", null, Set.of("PENDING")),
            new Action("submit", "cg_officer", "jiandu", Map.of(), Set.of("IN_PROGRESS")),
            new Action("approve", "jiandu", "cg_officer", Map.of(), Set.of("SUBMITTED")),
            new Action("return", "jiandu", "cg_officer", Map.of("reason", "补充材料"), Set.of("SUBMITTED")),
            new Action("progress", "cg_officer", "jiandu",
                    Map.of("reportedOn", LocalDate.now().toString(), "content", "进展"), Set.of("IN_PROGRESS")),
            new Action("records", "cg_officer", "jiandu",
                    Map.of("heldOn", LocalDate.now().toString(), "topic", "学习", "participantCount", 3), Set.of("IN_PROGRESS")),
            new Action("urges", "jiandu", "cg_officer", Map.of("message", "请抓紧"), Set.of("PENDING", "IN_PROGRESS")));

    /** An assignment of the venues centre brought into the given state. */
    private static String inState(String state) {
        String task = Tasks.issued("状态矩阵 " + state, DEADLINE, Map.of(DemoUnits.VENUES, "LEAD"));
        String a = assignmentOf("cg_officer", task);
        switch (state) {
            case "PENDING" -> { }
            case "IN_PROGRESS" -> act("cg_officer", a, "accept", null).then().statusCode(200);
            case "SUBMITTED" -> {
                act("cg_officer", a, "accept", null).then().statusCode(200);
                act("cg_officer", a, "submit", Map.of()).then().statusCode(200);
            }
            case "DONE" -> {
                act("cg_officer", a, "accept", null).then().statusCode(200);
                act("cg_officer", a, "submit", Map.of()).then().statusCode(200);
                act("jiandu", a, "approve", Map.of()).then().statusCode(200);
            }
            case "CANCELLED" -> Api.as("jiandu").header("If-Match", Api.as("jiandu").get("/api/v1/tasks/{id}", task).header("ETag"))
                    .body(Map.of("reason", "撤销")).post("/api/v1/tasks/{id}/cancel", task).then().statusCode(200);
            default -> throw new IllegalArgumentException(state);
        }
        return a;
    }

    private static int call(String user, String assignment, Action action) {
        var req = Api.as(user).header("If-Match", Tasks.etag(user, assignment));
        if (action.body() != null) {
            req.body(action.body());
        }
        return req.post("/api/v1/assignments/{id}/" + action.name(), assignment).statusCode();
    }

    @Test
    void everyActionFromEveryStateByEveryRole() {
        List<String> mismatches = new ArrayList<>();
        for (String state : List.of("PENDING", "IN_PROGRESS", "SUBMITTED", "DONE", "CANCELLED")) {
            for (Action action : ACTIONS) {
                String a = inState(state);
                int refused = call(action.refusedUser(), a, action);
                if (refused != 403) {
                    mismatches.add(action.name() + " by " + action.refusedUser() + " in " + state + ": " + refused + " (want 403)");
                }
                int expected = action.from().contains(state) ? 200 : 409;
                int actual = call(action.allowedUser(), a, action);
                if (actual != expected) {
                    mismatches.add(action.name() + " by " + action.allowedUser() + " in " + state + ": " + actual + " (want " + expected + ")");
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }
}
