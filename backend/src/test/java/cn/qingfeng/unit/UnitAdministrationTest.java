package cn.qingfeng.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import cn.qingfeng.support.Api;
import cn.qingfeng.support.DemoUnits;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The admin's work on the organisation tree, and the rules that protect it. */
@QuarkusTest
class UnitAdministrationTest {

    private static String code(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    }

    private static Response create(String code, String kind, UUID parent) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "单位 " + code);
        body.put("kind", kind);
        body.put("parentId", parent.toString());
        return Api.as("admin").body(body).post("/api/v1/units");
    }

    private static String etag(String id) {
        return Api.as("admin").get("/api/v1/units/{id}", id).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void adminCreatesAUnitAndGetsItsLocationAndEtag() {
        String code = code("UA");
        Response r = create(code, "DEPARTMENT", DemoUnits.VENUES);
        r.then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/units/" + r.path("id")))
                .header("ETag", notNullValue())
                .body("code", equalTo(code)).body("depth", equalTo(2)).body("active", equalTo(true));
        // The venues centre's officer now sees it within their scope.
        Api.as("cg_officer").get("/api/v1/units/{id}", (String) r.path("id")).then().statusCode(200);
    }

    @Test
    void duplicateCodeIsAConflict() {
        String code = code("UB");
        create(code, "BRANCH", DemoUnits.SCHOOL).then().statusCode(201);
        create(code, "BRANCH", DemoUnits.SCHOOL).then().statusCode(409)
                .contentType(startsWith("application/problem+json")).body("code", equalTo("unit.code-taken"));
    }

    @Test
    void invalidInputNamesTheOffendingFields() {
        Api.as("admin").body(Map.of("code", "bad code", "kind", "BRANCH", "parentId", DemoUnits.SCHOOL.toString()))
                .post("/api/v1/units").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("validation"))
                .body("violations.field", hasItem("code"))
                .body("violations.field", hasItem("name"));
        Api.as("admin").body(Map.of("code", code("UC"), "name", "x", "kind", "NOT_A_KIND", "parentId", DemoUnits.SCHOOL.toString()))
                .post("/api/v1/units").then().statusCode(400).body("violations.field", hasItem("kind"));
        create(code("UD"), "BUREAU", DemoUnits.SCHOOL).then().statusCode(400).body("violations.field", hasItem("kind"));
        // A second root is refused; everything else needs a parent.
        Api.as("admin").body(Map.of("code", code("UD"), "name", "第二个局", "kind", "BUREAU"))
                .post("/api/v1/units").then().statusCode(400).body("violations.field", hasItem("kind"));
        Api.as("admin").body(Map.of("code", code("UD"), "name", "无上级", "kind", "BRANCH"))
                .post("/api/v1/units").then().statusCode(400).body("violations.field", hasItem("parentId"));
        Api.as("admin").body(Map.of("code", code("UE"), "name", "x", "kind", "BRANCH", "parentId", UUID.randomUUID().toString()))
                .post("/api/v1/units").then().statusCode(400).body("violations.field", hasItem("parentId"));
    }

    @Test
    void onlyAdminsChangeTheTree() {
        for (String user : List.of("jiandu", "lingdao", "cg_officer", "shenji")) {
            Api.as(user).body(Map.of("code", code("UF"), "name", "x", "kind", "BRANCH", "parentId", DemoUnits.VENUES.toString()))
                    .post("/api/v1/units").then().statusCode(403).body("code", equalTo("forbidden"));
        }
    }

    @Test
    void renameNeedsTheCurrentVersion() {
        String id = create(code("UG"), "BRANCH", DemoUnits.SCHOOL).then().statusCode(201).extract().path("id");
        String etag = etag(id);
        Api.as("admin").body(Map.of("name", "新名称")).patch("/api/v1/units/{id}", id).then().statusCode(428)
                .body("code", equalTo("precondition-required"));
        String newEtag = Api.as("admin").header("If-Match", etag).body(Map.of("name", "新名称"))
                .patch("/api/v1/units/{id}", id).then().statusCode(200).body("name", equalTo("新名称"))
                .extract().header("ETag");
        assertThat(newEtag).isNotEqualTo(etag);
        Api.as("admin").header("If-Match", etag).body(Map.of("name", "又一个名称"))
                .patch("/api/v1/units/{id}", id).then().statusCode(412).body("code", equalTo("precondition-failed"));
        Api.as("admin").get("/api/v1/units/{id}", id).then().body("name", equalTo("新名称"));
    }

    @Test
    void moveCarriesTheSubtreeAndRefusesCycles() {
        String parent = create(code("UH"), "DEPARTMENT", DemoUnits.VENUES).then().statusCode(201).extract().path("id");
        String child = create(code("UI"), "BRANCH", UUID.fromString(parent)).then().statusCode(201).extract().path("id");

        Api.as("admin").header("If-Match", etag(parent)).body(Map.of("parentId", child))
                .post("/api/v1/units/{id}/move", parent).then().statusCode(409).body("code", equalTo("unit.move-cycle"));
        Api.as("admin").header("If-Match", etag(DemoUnits.BUREAU.toString())).body(Map.of("parentId", parent))
                .post("/api/v1/units/{id}/move", DemoUnits.BUREAU).then().statusCode(409).body("code", equalTo("unit.is-root"));

        Api.as("cg_officer").get("/api/v1/units/{id}", child).then().statusCode(200);
        Api.as("admin").header("If-Match", etag(parent)).body(Map.of("parentId", DemoUnits.SCHOOL.toString()))
                .post("/api/v1/units/{id}/move", parent).then().statusCode(200).body("parentId", equalTo(DemoUnits.SCHOOL.toString()));
        // The whole subtree moved: the school's officer sees the child now, the venues' officer no longer.
        Api.as("xx_officer").get("/api/v1/units/{id}", child).then().statusCode(200).body("depth", equalTo(3));
        Api.as("cg_officer").get("/api/v1/units/{id}", child).then().statusCode(404);
    }

    @Test
    void deactivationRefusesUnitsWithActiveChildrenAndTheRoot() {
        String parent = create(code("UJ"), "DEPARTMENT", DemoUnits.OFFICE).then().statusCode(201).extract().path("id");
        String child = create(code("UK"), "BRANCH", UUID.fromString(parent)).then().statusCode(201).extract().path("id");

        Api.as("admin").header("If-Match", etag(parent)).body(Map.of("reason", "机构调整"))
                .post("/api/v1/units/{id}/deactivate", parent).then().statusCode(409)
                .body("code", equalTo("unit.has-active-children")).body("activeChildren", equalTo(1));
        Api.as("admin").header("If-Match", etag(DemoUnits.BUREAU.toString())).body(Map.of())
                .post("/api/v1/units/{id}/deactivate", DemoUnits.BUREAU).then().statusCode(409).body("code", equalTo("unit.is-root"));

        Api.as("admin").header("If-Match", etag(child)).body(Map.of("reason", "撤销"))
                .post("/api/v1/units/{id}/deactivate", child).then().statusCode(200).body("active", equalTo(false));
        Api.as("admin").header("If-Match", etag(parent)).body(Map.of("reason", "机构调整"))
                .post("/api/v1/units/{id}/deactivate", parent).then().statusCode(200).body("active", equalTo(false));

        // Nothing new under a deactivated unit; a child comes back only after its parent.
        create(code("UL"), "BRANCH", UUID.fromString(parent)).then().statusCode(409).body("code", equalTo("unit.parent-inactive"));
        Api.as("admin").header("If-Match", etag(child)).post("/api/v1/units/{id}/activate", child)
                .then().statusCode(409).body("code", equalTo("unit.parent-inactive"));
        Api.as("admin").header("If-Match", etag(parent)).post("/api/v1/units/{id}/activate", parent)
                .then().statusCode(200).body("active", equalTo(true));

        List<String> actions = Api.as("shenji").queryParam("entityId", parent).queryParam("sort", "seq")
                .get("/api/v1/events").then().extract().path("items.action");
        assertThat(actions).containsExactly("unit.created", "unit.deactivated", "unit.activated");
    }

    @Test
    void treeHidesDeactivatedUnitsUnlessAsked() {
        String id = create(code("UM"), "BRANCH", DemoUnits.OFFICE).then().statusCode(201).extract().path("id");
        Api.as("admin").header("If-Match", etag(id)).body(Map.of())
                .post("/api/v1/units/{id}/deactivate", id).then().statusCode(200);
        assertThat(treeIds(false)).doesNotContain(id);
        assertThat(treeIds(true)).contains(id);
    }

    private static List<String> treeIds(boolean includeInactive) {
        List<Map<String, Object>> roots = Api.as("admin").queryParam("includeInactive", includeInactive)
                .get("/api/v1/units/tree").then().statusCode(200).extract().path("");
        List<String> ids = new ArrayList<>();
        collect(roots, ids);
        return ids;
    }

    @SuppressWarnings("unchecked")
    private static void collect(List<Map<String, Object>> nodes, List<String> ids) {
        for (Map<String, Object> n : nodes) {
            ids.add((String) n.get("id"));
            collect((List<Map<String, Object>>) n.get("children"), ids);
        }
    }

    @Test
    void listPagesWithKeysetCursorsAndRejectsBadParameters() {
        int total = Api.as("admin").queryParam("includeTotal", true).get("/api/v1/units")
                .then().statusCode(200).extract().path("total");
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var req = Api.as("admin").queryParam("limit", 3).queryParam("sort", "name");
            if (cursor != null) {
                req.queryParam("cursor", cursor);
            }
            Response page = req.get("/api/v1/units");
            page.then().statusCode(200);
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null && seen.size() <= total);
        assertThat(seen).hasSize(total).doesNotHaveDuplicates();

        Api.as("admin").queryParam("sort", "secret").get("/api/v1/units").then().statusCode(400)
                .body("violations[0].field", equalTo("sort"));
        Api.as("admin").queryParam("limit", 0).get("/api/v1/units").then().statusCode(400)
                .body("violations[0].field", equalTo("limit"));
        String next = Api.as("admin").queryParam("limit", 1).queryParam("sort", "code").get("/api/v1/units").path("nextCursor");
        Api.as("admin").queryParam("limit", 1).queryParam("sort", "name").queryParam("cursor", next)
                .get("/api/v1/units").then().statusCode(400).body("code", equalTo("cursor.sort-changed"));
        Api.as("admin").queryParam("q", "党支部").get("/api/v1/units").then().statusCode(200)
                .body("items.name", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.containsString("党支部")));
    }
}
