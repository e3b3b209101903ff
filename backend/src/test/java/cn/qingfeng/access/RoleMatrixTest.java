package cn.qingfeng.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.demo.DemoOrganisation;
import cn.qingfeng.support.Api;
import cn.qingfeng.support.DemoUnits;
import cn.qingfeng.support.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, proven over HTTP for every operation of the contract and every role: a role
 * the access table ({@link ApiAccess}) names for an operation gets past its role check (whatever
 * the record's state then answers), every other role gets 403 {@code forbidden}; operations
 * without a rule are open to every role. The records acted on belong to the venues centre's
 * branch, which every user here can see, so a 404 never hides a role check. An operation added
 * to the contract without a way to call it here fails the test.
 */
@QuarkusTest
class RoleMatrixTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final UUID BRANCH = DemoUnits.VENUES_BRANCH;
    private static final String TODAY = LocalDate.now().toString();

    /** One caller per realm role (service accounts for the two service roles). */
    private static final Map<String, Supplier<RequestSpecification>> CALLERS = new LinkedHashMap<>();

    static {
        CALLERS.put("admin", () -> Api.as("admin"));
        CALLERS.put("supervisor", () -> Api.as("jiandu"));
        CALLERS.put("leader", () -> Api.as("lingdao"));
        CALLERS.put("unit_officer", () -> Api.as("cg_officer"));
        CALLERS.put("viewer", () -> Api.as("cg_viewer"));
        CALLERS.put("auditor", () -> Api.as("shenji"));
        CALLERS.put("integration", () -> service("oa-system", "oa-system-dev-secret"));
        CALLERS.put("importer", () -> service("import-script", "import-script-dev-secret"));
    }

    /** How to call an operation: path parameters, body, and the ETag it needs (if any). */
    private record Call(Map<String, String> params, Object body, Supplier<String> ifMatch, boolean multipart) {
    }

    private String task;
    private String assignment;
    private String urge;
    private String item;
    private String itemMeasure;
    private String risk;
    private String riskMeasure;
    private String unit;
    private String attachment;

    @Test
    void everyRoleReachesWhatTheTableGivesItAndNothingElse() throws Exception {
        setUp();
        Map<String, Call> calls = calls();
        JsonNode paths = YAML.readTree(Path.of("..", "openapi.yaml").toFile()).path("paths");
        List<String> missing = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (var path : (Iterable<Map.Entry<String, JsonNode>>) paths::fields) {
            for (var op : (Iterable<Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                String id = op.getValue().path("operationId").asText();
                seen.add(id);
                Call call = calls.get(id);
                if (call == null && path.getKey().contains("{")) {
                    missing.add(id);
                    continue;
                }
                OperationRule rule = ApiAccess.rule(id).orElse(null);
                List<String> documented = new ArrayList<>();
                op.getValue().path("security").forEach(s -> s.path("keycloak").forEach(r -> documented.add(r.asText())));
                if (rule != null) {
                    // The contract states the table's roles.
                    assertThat(documented).as(id + " in openapi.yaml").containsExactlyInAnyOrderElementsOf(rule.roles());
                }
                for (var role : CALLERS.entrySet()) {
                    boolean allowed = rule == null || rule.roles().contains(role.getKey());
                    Response r = send(role.getValue().get(), op.getKey(), path.getKey(), call == null ? new Call(Map.of(), null, null, false) : call);
                    String code = r.contentType().contains("json") ? String.valueOf((Object) r.path("code")) : "";
                    boolean roleRefused = r.statusCode() == 403 && "forbidden".equals(code);
                    boolean hidden = r.statusCode() == 404 && path.getKey().contains("{") && rule != null && rule.onRecord();
                    if (allowed ? roleRefused || hidden || r.statusCode() == 401 : !roleRefused) {
                        mismatches.add(id + " as " + role.getKey() + ": " + r.statusCode() + " " + code
                                + (allowed ? " (the table allows it)" : " (want 403 forbidden)"));
                    }
                }
            }
        }
        assertThat(missing).as("operations with a path parameter and no call in this test").isEmpty();
        assertThat(ApiAccess.rules().keySet()).as("rules for operations the contract does not have").isSubsetOf(seen);
        assertThat(mismatches).isEmpty();
    }

    private static Response send(RequestSpecification req, String method, String template, Call call) {
        String path = template;
        for (var p : call.params().entrySet()) {
            path = path.replace("{" + p.getKey() + "}", p.getValue());
        }
        if (call.ifMatch() != null) {
            req.header("If-Match", call.ifMatch().get());
        }
        if (call.multipart()) {
            req.contentType(ContentType.MULTIPART).multiPart("ownerType", "UNIT").multiPart("ownerId", String.valueOf(call.body()))
                    .multiPart("file", "责任书.pdf", pdf(), "application/pdf");
        } else if (call.body() != null) {
            req.body(call.body());
        }
        return req.request(method.toUpperCase(), path);
    }

    private void setUp() {
        Map<String, Object> draft = new HashMap<>(Map.of("title", "角色矩阵 " + UUID.randomUUID(), "category", "STUDY",
                "deadline", LocalDate.now().plusDays(20).toString()));
        task = Api.as("jiandu").body(draft).post("/api/v1/tasks").then().statusCode(201).extract().path("task.id");
        Api.as("jiandu").header("If-Match", etag("/api/v1/tasks/" + task))
                .body(Map.of("units", List.of(Map.of("unitId", BRANCH.toString(), "role", "LEAD"))))
                .post("/api/v1/tasks/{id}/issue", task).then().statusCode(200);
        assignment = Api.as("jiandu").get("/api/v1/tasks/{id}", task).then().extract().path("assignments[0].id");
        urge = Api.as("jiandu").body(Map.of("message", "请抓紧")).post("/api/v1/assignments/{id}/urges", assignment)
                .then().statusCode(200).extract().path("id");
        Map<String, Object> problem = new HashMap<>(Map.of("title", "角色矩阵问题", "source", "SELF_CHECK", "category", "STUDY",
                "severity", "MINOR", "foundOn", TODAY, "unitId", BRANCH.toString(), "kind", "TIME_LIMITED",
                "deadline", LocalDate.now().plusDays(30).toString(), "measures", List.of(Map.of("content", "措施一"))));
        Response created = Api.as("jiandu").body(problem).post("/api/v1/rectifications").then().statusCode(201).extract().response();
        item = created.path("item.id");
        itemMeasure = created.path("measures[0].id");
        Map<String, Object> riskBody = new HashMap<>(Map.of("name", "角色矩阵风险 " + UUID.randomUUID(), "category", "SECRECY",
                "unitId", BRANCH.toString(), "measures", List.of(Map.of("content", "管控措施一"))));
        Response r = Api.as("jiandu").body(riskBody).post("/api/v1/risks").then().statusCode(201).extract().response();
        risk = r.path("risk.id");
        riskMeasure = r.path("measures[0].id");
        // The branch itself: every caller here sees it; the changes tried on it leave it as it is
        // (the same name and parent; it has open records, so it is not deactivated).
        unit = BRANCH.toString();
        attachment = Api.as("admin").contentType(ContentType.MULTIPART).multiPart("ownerType", "UNIT").multiPart("ownerId", unit)
                .multiPart("file", "责任书.pdf", pdf(), "application/pdf").post("/api/v1/attachments")
                .then().statusCode(201).extract().path("id");
    }

    /** Every operation with a record in its path, and every restricted one: how this test calls it. */
    private Map<String, Call> calls() {
        Map<String, Call> c = new HashMap<>();
        Map<String, String> t = Map.of("id", task);
        Map<String, String> a = Map.of("id", assignment);
        Map<String, String> i = Map.of("id", item);
        Map<String, String> im = Map.of("id", item, "measureId", itemMeasure);
        Map<String, String> k = Map.of("id", risk);
        Map<String, String> km = Map.of("id", risk, "measureId", riskMeasure);
        Map<String, String> u = Map.of("id", unit);
        Supplier<String> taskTag = () -> etag("/api/v1/tasks/" + task);
        Supplier<String> assignmentTag = () -> etag("/api/v1/assignments/" + assignment);
        Supplier<String> itemTag = () -> etag("/api/v1/rectifications/" + item);
        Supplier<String> riskTag = () -> etag("/api/v1/risks/" + risk);
        Supplier<String> unitTag = () -> etag("/api/v1/units/" + unit);
        Supplier<String> itemMeasureTag = () -> measureTag("/api/v1/rectifications/" + item, itemMeasure);
        Supplier<String> riskMeasureTag = () -> measureTag("/api/v1/risks/" + risk, riskMeasure);
        Map<String, String> reason = Map.of("reason", "角色矩阵");
        // Tasks and assignments
        c.put("getTask", new Call(t, null, null, false));
        c.put("getTaskTimeline", new Call(t, null, null, false));
        c.put("createTask", new Call(Map.of(), Map.of("title", "角色矩阵新任务", "category", "OTHER"), null, false));
        c.put("updateTask", new Call(t, Map.of("description", "补充说明"), taskTag, false));
        c.put("issueTask", new Call(t, Map.of("units", List.of(Map.of("unitId", BRANCH.toString(), "role", "LEAD"))), taskTag, false));
        c.put("cancelTask", new Call(t, reason, taskTag, false));
        c.put("getAssignment", new Call(a, null, null, false));
        c.put("getAssignmentTimeline", new Call(a, null, null, false));
        c.put("listAssignmentProgress", new Call(a, null, null, false));
        c.put("listAssignmentRecords", new Call(a, null, null, false));
        c.put("listAssignmentUrges", new Call(a, null, null, false));
        c.put("acceptAssignment", new Call(a, null, assignmentTag, false));
        c.put("submitAssignment", new Call(a, Map.of(), assignmentTag, false));
        c.put("approveAssignment", new Call(a, Map.of(), assignmentTag, false));
        c.put("returnAssignment", new Call(a, reason, assignmentTag, false));
        c.put("addAssignmentProgress", new Call(a, Map.of("reportedOn", TODAY, "content", "进展"), null, false));
        c.put("addAssignmentRecord", new Call(a, Map.of("heldOn", TODAY, "topic", "学习", "participantCount", 3), null, false));
        c.put("urgeAssignment", new Call(a, Map.of("message", "请抓紧"), null, false));
        c.put("replyToUrge", new Call(Map.of("id", assignment, "urgeId", urge), Map.of("reply", "马上办"), null, false));
        // Rectification items and their measures
        c.put("getRectification", new Call(i, null, null, false));
        c.put("getRectificationTimeline", new Call(i, null, null, false));
        c.put("listRectificationProgress", new Call(i, null, null, false));
        c.put("createRectification", new Call(Map.of(), Map.of("title", "角色矩阵新问题", "source", "SELF_CHECK", "category", "STUDY",
                "severity", "MINOR", "foundOn", TODAY, "unitId", BRANCH.toString(), "kind", "ONGOING"), null, false));
        c.put("updateRectification", new Call(i, Map.of("description", "补充说明"), itemTag, false));
        c.put("addRectificationMeasure", new Call(i, Map.of("content", "新增措施"), null, false));
        c.put("completeRectificationMeasure", new Call(im, null, itemMeasureTag, false));
        c.put("waiveRectificationMeasure", new Call(im, reason, itemMeasureTag, false));
        c.put("reopenRectificationMeasure", new Call(im, null, itemMeasureTag, false));
        c.put("startRectification", new Call(i, null, itemTag, false));
        c.put("addRectificationProgress", new Call(i, Map.of("reportedOn", TODAY, "content", "进展"), null, false));
        c.put("applyRectificationClose", new Call(i, null, itemTag, false));
        c.put("verifyRectificationClose", new Call(i, Map.of("opinion", "同意", "verifiedOn", TODAY), itemTag, false));
        c.put("rejectRectificationClose", new Call(i, reason, itemTag, false));
        c.put("reopenRectification", new Call(i, reason, itemTag, false));
        // Risks and their measures
        c.put("getRisk", new Call(k, null, null, false));
        c.put("getRiskTimeline", new Call(k, null, null, false));
        c.put("createRisk", new Call(Map.of(), Map.of("name", "角色矩阵新风险", "category", "OTHER", "unitId", BRANCH.toString()), null, false));
        c.put("updateRisk", new Call(k, Map.of("manifestation", "表现形式"), riskTag, false));
        c.put("gradeRisk", new Call(k, Map.of("likelihood", 2, "impact", 2), riskTag, false));
        c.put("regradeRisk", new Call(k, reason, riskTag, false));
        c.put("addRiskMeasure", new Call(k, Map.of("content", "新增管控措施"), null, false));
        c.put("completeRiskMeasure", new Call(km, Map.of(), riskMeasureTag, false));
        c.put("reopenRiskMeasure", new Call(km, null, riskMeasureTag, false));
        c.put("startRiskControl", new Call(k, null, riskTag, false));
        c.put("markRiskControlled", new Call(k, null, riskTag, false));
        c.put("closeRisk", new Call(k, reason, riskTag, false));
        c.put("reopenRisk", new Call(k, reason, riskTag, false));
        c.put("createRiskReview", new Call(k, Map.of("reviewedOn", TODAY, "participants", "班子成员", "conclusion", "可控"), riskTag, false));
        c.put("createRiskReport", new Call(k, Map.of("recipient", "局机关党委", "content", "报告"), null, false));
        c.put("getRiskMatrixVersion", new Call(Map.of("version", "1"), null, null, false));
        c.put("createRiskMatrix", new Call(Map.of(), currentMatrix(), null, false));
        // Units, attachments, the journal and the test clock
        c.put("getUnit", new Call(u, null, null, false));
        c.put("getUnitTimeline", new Call(u, null, null, false));
        // A new unit goes where no caller's scope would notice it.
        c.put("createUnit", new Call(Map.of(), Map.of("code", "RM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                "name", "角色矩阵新单位", "kind", "BRANCH", "parentId", DemoOrganisation.idOf("SJ-JTC").toString()), null, false));
        c.put("updateUnit", new Call(u, Map.of("name", "场馆中心党支部"), unitTag, false));
        c.put("moveUnit", new Call(u, Map.of("parentId", DemoUnits.VENUES.toString()), unitTag, false));
        c.put("deactivateUnit", new Call(u, reason, unitTag, false));
        c.put("activateUnit", new Call(u, null, unitTag, false));
        c.put("uploadAttachment", new Call(Map.of(), unit, null, true));
        c.put("getAttachment", new Call(Map.of("id", attachment), null, null, false));
        c.put("downloadAttachment", new Call(Map.of("id", attachment), null, null, false));
        c.put("removeAttachment", new Call(Map.of("id", attachment), reason, () -> etag("/api/v1/attachments/" + attachment), false));
        c.put("setTestClock", new Call(Map.of(), Map.of("offsetSeconds", 0), null, false));
        return c;
    }

    private static Map<String, Object> currentMatrix() {
        Response m = Api.as("admin").get("/api/v1/risk-matrix").then().statusCode(200).extract().response();
        Map<String, Object> body = new HashMap<>();
        for (String f : List.of("likelihoodLabels", "impactLabels", "majorMin", "significantMin", "generalMin", "colours")) {
            body.put(f, m.path(f));
        }
        body.put("note", "角色矩阵：同一阈值");
        return body;
    }

    private static String etag(String path) {
        return Api.as("jiandu").get(path).then().statusCode(200).extract().header("ETag");
    }

    private static String measureTag(String owner, String measureId) {
        List<Map<String, Object>> measures = Api.as("jiandu").get(owner).then().statusCode(200).extract().path("measures");
        Object version = measures.stream().filter(m -> measureId.equals(m.get("id"))).findFirst().orElseThrow().get("version");
        return "\"" + version + "\"";
    }

    private static RequestSpecification service(String client, String secret) {
        return given().auth().oauth2(Tokens.service(client, secret)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private static byte[] pdf() {
        return ("%PDF-1.4\n% 角色矩阵 " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }
}
