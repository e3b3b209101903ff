package cn.qingfeng.todo;

import static cn.qingfeng.todo.Todos.assignment;
import static cn.qingfeng.todo.Todos.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.qingfeng.support.Api;
import cn.qingfeng.support.DemoUnits;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** 我的待办 as a list like every other: pages with a total, filters, the bell's counts, read or not. */
@QuarkusTest
class TodoListTest {

    private static Response page(String user, Map<String, Object> params) {
        return Api.as(user).queryParams(params).get("/api/v1/me/todos").then().statusCode(200).extract().response();
    }

    @Test
    void pagesFiltersAndCountsAreTheCallersOwn() {
        String mark = "分页待办" + UUID.randomUUID().toString().substring(0, 8);
        List<String> flows = new ArrayList<>();
        // Five tasks for the school, the third already past its deadline.
        for (int i = 0; i < 5; i++) {
            LocalDate deadline = i == 2 ? today().minusDays(1) : today().plusDays(20 - i);
            flows.add(assignment(Todos.issue(mark + " " + i, deadline, Map.of(DemoUnits.SCHOOL, "LEAD")), DemoUnits.SCHOOL));
        }

        // Two to a page, most urgent first: the overdue one, then the nearest deadlines; the total on request.
        List<String> seen = new ArrayList<>();
        List<String> dues = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> params = new java.util.HashMap<>(Map.of("q", mark, "limit", 2, "includeTotal", true));
            if (cursor != null) {
                params.put("cursor", cursor);
            }
            Response r = page("xx_officer", params);
            assertThat(r.<Integer>path("total")).isEqualTo(5);
            List<Map<String, Object>> items = r.path("items");
            assertThat(items.size()).isLessThanOrEqualTo(2);
            items.forEach(t -> {
                seen.add((String) t.get("flowId"));
                dues.add((String) t.get("due"));
            });
            cursor = r.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly(flows.get(2), flows.get(4), flows.get(3), flows.get(1), flows.get(0));
        assertThat(dues).isSorted();

        // Filters: overdue, kind, ledger, state.
        assertThat(page("xx_officer", Map.of("q", mark, "overdue", true)).<List<String>>path("items.flowId")).containsExactly(flows.get(2));
        assertThat(page("xx_officer", Map.of("q", mark, "overdue", true)).<String>path("items[0].warning")).isEqualTo("RED");
        assertThat(page("xx_officer", Map.of("q", mark, "overdue", false)).<List<String>>path("items.flowId")).hasSize(4)
                .doesNotContain(flows.get(2));
        assertThat(page("xx_officer", Map.of("q", mark, "kind", "assignment.accept")).<List<String>>path("items.flowId")).hasSize(5);
        assertThat(page("xx_officer", Map.of("q", mark, "kind", "assignment.approve")).<List<String>>path("items")).isEmpty();
        assertThat(page("xx_officer", Map.of("q", mark, "ledger", "task")).<List<String>>path("items")).hasSize(5);
        assertThat(page("xx_officer", Map.of("q", mark, "ledger", "risk")).<List<String>>path("items")).isEmpty();
        Todos.act("xx_officer", flows.get(0), "accept", null);
        Todos.act("xx_officer", flows.get(0), "submit", Map.of());
        assertThat(page("xx_officer", Map.of("q", mark, "state", "DONE")).<List<String>>path("items.flowId")).containsExactly(flows.get(0));
        assertThat(page("xx_officer", Map.of("q", mark, "state", "DONE")).<Object>path("items[0].warning")).isNull();
        assertThat(page("xx_officer", Map.of("q", mark)).<List<String>>path("items")).hasSize(4);
        // Another person's list has none of them.
        assertThat(page("cg_officer", Map.of("q", mark)).<List<String>>path("items")).isEmpty();

        // The bell: open, unread and overdue, counted on the same records as the list.
        Map<String, Object> before = Api.as("xx_officer").get("/api/v1/me/todos/summary").then().statusCode(200).extract().path("");
        long open = page("xx_officer", Map.of("includeTotal", true, "limit", 1)).<Integer>path("total");
        long overdue = page("xx_officer", Map.of("includeTotal", true, "limit", 1, "overdue", true)).<Integer>path("total");
        assertThat(((Number) before.get("open")).longValue()).isEqualTo(open);
        assertThat(((Number) before.get("overdue")).longValue()).isEqualTo(overdue);
        String one = page("xx_officer", Map.of("q", mark, "limit", 1)).path("items[0].id");
        Api.as("xx_officer").post("/api/v1/me/todos/{id}/read", one).then().statusCode(204);
        Api.as("xx_officer").post("/api/v1/me/todos/{id}/read", one).then().statusCode(204);
        Api.as("xx_officer").get("/api/v1/me/todos/summary").then()
                .body("open", equalTo(((Number) before.get("open")).intValue()))
                .body("unread", equalTo(((Number) before.get("unread")).intValue() - 1));
        assertThat(page("xx_officer", Map.of("q", mark, "limit", 1)).<Boolean>path("items[0].read")).isTrue();
    }

    @Test
    void badFiltersAreRefusedWithTheirField() {
        Api.as("xx_officer").queryParam("state", "NOPE").get("/api/v1/me/todos").then().statusCode(400)
                .body("violations[0].field", equalTo("state"));
        Api.as("xx_officer").queryParam("ledger", "nope").get("/api/v1/me/todos").then().statusCode(400)
                .body("violations[0].field", equalTo("ledger"));
        Api.as("xx_officer").queryParam("sort", "title").get("/api/v1/me/todos").then().statusCode(400)
                .body("violations[0].field", equalTo("sort"));
        Api.as("xx_officer").queryParam("cursor", "forged").get("/api/v1/me/todos").then().statusCode(400)
                .body("code", equalTo("cursor.invalid"));
        Api.as("xx_officer").post("/api/v1/me/todos/{id}/read", "not-a-uuid").then().statusCode(404);
    }
}
