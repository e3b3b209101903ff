package cn.qingfeng.support;

import static io.restassured.RestAssured.given;

import cn.qingfeng.demo.DemoOrganisation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A way to call every operation of the contract: records of one unit to act on (a task issued to
 * it with its assignment and an urge, a rectification item and a risk with a measure each, a file
 * of the unit), and for each operation its path parameters, a valid body and the If-Match it needs.
 * The suites generated from the contract (roles, scope, bad input) call through it; an operation
 * it has no call for fails them.
 */
public final class ContractCalls {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String TODAY = LocalDate.now().toString();

    /** The body of an upload to a record of this type (multipart: ownerType, ownerId and a pdf). */
    /** A body of bytes with its own content type (e.g. a Word template). */
    public record Raw(byte[] bytes, String contentType) {
    }

    public record Upload(String ownerType, String ownerId) {
    }

    /** How to call an operation: path parameters, body, and the ETag it needs (if any). */
    public record Call(Map<String, String> params, Object body, Supplier<String> ifMatch, boolean multipart) {
        public static final Call NONE = new Call(Map.of(), null, null, false);
    }

    /** One caller per realm role (service accounts for the two service roles). */
    public static Map<String, Supplier<RequestSpecification>> callers() {
        Map<String, Supplier<RequestSpecification>> c = new LinkedHashMap<>();
        c.put("admin", () -> Api.as("admin"));
        c.put("supervisor", () -> Api.as("jiandu"));
        c.put("leader", () -> Api.as("lingdao"));
        c.put("unit_officer", () -> Api.as("cg_officer"));
        c.put("viewer", () -> Api.as("cg_viewer"));
        c.put("auditor", () -> Api.as("shenji"));
        c.put("integration", () -> service("oa-system", "oa-system-dev-secret"));
        c.put("importer", () -> service("import-script", "import-script-dev-secret"));
        return c;
    }

    private final UUID branch;
    public String task;
    public String assignment;
    public String urge;
    public String item;
    public String itemMeasure;
    public String risk;
    public String riskMeasure;
    public String unit;
    public String attachment;
    public String importJob;
    public String importMapping;
    public String subscription;
    public String delivery;
    /** A file of the rectification item, filed by a supervisor. */
    public String itemAttachment;
    /** An OA login mapped by an admin. */
    public String oaLogin;
    /** The unit's half-year report, drafted by a supervisor. */
    public String report;
    /** The unit officer's to-do of the assignment. */
    public String todo;
    private String unitName;
    private String unitParent;

    private ContractCalls(UUID unit) {
        this.branch = unit;
    }

    /** Records of the unit, made by a supervisor; unit operations act on the unit itself. */
    public static ContractCalls in(UUID unit) {
        ContractCalls c = new ContractCalls(unit);
        c.setUp();
        return c;
    }

    /** The contract's paths, as committed. */
    public static JsonNode paths() {
        try {
            return YAML.readTree(Path.of("..", "openapi.yaml").toFile()).path("paths");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The contract's component schemas. */
    public static JsonNode schemas() {
        try {
            return YAML.readTree(Path.of("..", "openapi.yaml").toFile()).path("components").path("schemas");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Response send(RequestSpecification req, String method, String template, Call call) {
        String path = template;
        for (var p : call.params().entrySet()) {
            path = path.replace("{" + p.getKey() + "}", p.getValue());
        }
        if (call.ifMatch() != null) {
            req.header("If-Match", call.ifMatch().get());
        }
        if (method.equalsIgnoreCase("post")) {
            // The OA's service account must send one on every POST; for anyone else it changes nothing.
            req.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        if (call.body() instanceof Raw raw) {
            req.contentType(raw.contentType()).body(raw.bytes());
        } else if (call.body() instanceof Upload upload) {
            req.contentType(ContentType.MULTIPART).multiPart("ownerType", upload.ownerType()).multiPart("ownerId", upload.ownerId())
                    .multiPart("file", "佐证.pdf", pdf(), "application/pdf");
        } else if (call.multipart() && call.body() instanceof Map<?, ?> parts) {
            req.contentType(ContentType.MULTIPART);
            for (var part : parts.entrySet()) {
                if (part.getValue() instanceof byte[] bytes) {
                    req.multiPart(String.valueOf(part.getKey()), "导入.csv", bytes, "text/csv");
                } else {
                    req.multiPart(String.valueOf(part.getKey()), String.valueOf(part.getValue()));
                }
            }
        } else if (call.multipart()) {
            req.contentType(ContentType.MULTIPART).multiPart("ownerType", "UNIT").multiPart("ownerId", String.valueOf(call.body()))
                    .multiPart("file", "责任书.pdf", pdf(), "application/pdf");
        } else if (call.body() != null) {
            req.body(call.body());
        }
        return req.request(method.toUpperCase(), path);
    }

    private void setUp() {
        String taskTitle = "角色矩阵 " + UUID.randomUUID();
        Map<String, Object> draft = new HashMap<>(Map.of("title", taskTitle, "category", "STUDY",
                "deadline", LocalDate.now().plusDays(20).toString()));
        task = Api.as("jiandu").body(draft).post("/api/v1/tasks").then().statusCode(201).extract().path("task.id");
        Api.as("jiandu").header("If-Match", etag("/api/v1/tasks/" + task))
                .body(Map.of("units", List.of(Map.of("unitId", branch.toString(), "role", "LEAD"))))
                .post("/api/v1/tasks/{id}/issue", task).then().statusCode(200);
        assignment = Api.as("jiandu").get("/api/v1/tasks/{id}", task).then().extract().path("assignments[0].id");
        urge = Api.as("jiandu").body(Map.of("message", "请抓紧")).post("/api/v1/assignments/{id}/urges", assignment)
                .then().statusCode(200).extract().path("id");
        List<String> todos = Api.as(officerOf(branch)).queryParam("q", taskTitle).get("/api/v1/me/todos")
                .then().statusCode(200).extract().path("items.id");
        todo = todos.get(0);
        Map<String, Object> problem = new HashMap<>(Map.of("title", "角色矩阵问题", "source", "SELF_CHECK", "category", "STUDY",
                "severity", "MINOR", "foundOn", TODAY, "unitId", branch.toString(), "kind", "TIME_LIMITED",
                "deadline", LocalDate.now().plusDays(30).toString(), "measures", List.of(Map.of("content", "措施一"))));
        Response created = Api.as("jiandu").body(problem).post("/api/v1/rectifications").then().statusCode(201).extract().response();
        item = created.path("item.id");
        itemMeasure = created.path("measures[0].id");
        Map<String, Object> riskBody = new HashMap<>(Map.of("name", "角色矩阵风险 " + UUID.randomUUID(), "category", "SECRECY",
                "unitId", branch.toString(), "measures", List.of(Map.of("content", "管控措施一"))));
        Response r = Api.as("jiandu").body(riskBody).post("/api/v1/risks").then().statusCode(201).extract().response();
        risk = r.path("risk.id");
        riskMeasure = r.path("measures[0].id");
        // The unit itself: the changes tried on it leave it as it is (the same name and parent; it
        // has open records, so it is not deactivated).
        unit = branch.toString();
        Response u = Api.as("admin").get("/api/v1/units/{id}", unit).then().statusCode(200).extract().response();
        unitName = u.path("name");
        unitParent = u.path("parentId");
        String officer = officerOf(branch);
        importJob = given().auth().oauth2(Tokens.user(officer)).accept(ContentType.JSON).contentType(ContentType.MULTIPART)
                .multiPart("ledger", "risks").multiPart("file", "风险.csv", riskCsv("角色矩阵导入风险", unitName), "text/csv")
                .post("/api/v1/imports").then().statusCode(202).extract().path("id");
        importMapping = Api.as(officer).body(Map.of("ledger", "risks", "name", "矩阵映射 " + UUID.randomUUID(),
                        "mapping", Map.of("风险点", Map.of("名称", "name")))).post("/api/v1/import-mappings")
                .then().statusCode(200).extract().path("id");
        // Outbound events: a subscription to a receiver nobody runs (tests deliver only when they dispatch), one delivery
        Api.as("admin").body(Map.of("note", "契约测试")).put("/api/v1/webhooks/allowed-hosts/127.0.0.1").then().statusCode(200);
        subscription = Api.as("admin").body(Map.of("name", "契约订阅 " + UUID.randomUUID(), "url", "http://127.0.0.1:9/contract",
                        "adapter", "GENERIC", "eventTypes", List.of("webhook.test")))
                .post("/api/v1/webhooks/subscriptions").then().statusCode(201).extract().path("subscription.id");
        delivery = Api.as("admin").post("/api/v1/webhooks/subscriptions/{id}/test", subscription).then().statusCode(200).extract().path("id");
        attachment = Api.as("admin").contentType(ContentType.MULTIPART).multiPart("ownerType", "UNIT").multiPart("ownerId", unit)
                .multiPart("file", "责任书.pdf", pdf(), "application/pdf").post("/api/v1/attachments")
                .then().statusCode(201).extract().path("id");
        itemAttachment = Api.as("jiandu").contentType(ContentType.MULTIPART).multiPart("ownerType", "RECTIFICATION")
                .multiPart("ownerId", item).multiPart("file", "佐证.pdf", pdf(), "application/pdf").post("/api/v1/attachments")
                .then().statusCode(201).extract().path("id");
        oaLogin = "contract-" + UUID.randomUUID().toString().substring(0, 8);
        report = Api.as("jiandu").body(Map.of("period", "2026H2", "unitId", branch.toString())).post("/api/v1/reports")
                .then().statusCode(201).extract().path("id");
        Api.as("admin").body(Map.of("username", oaLogin + "-user", "displayName", "契约测试"))
                .put("/api/v1/integration/oa-users/{login}", oaLogin).then().statusCode(201);
    }

    /** The unit's own officer: an import is seen where its importer's unit's records are. */
    private String officerOf(UUID unit) {
        return DemoOrganisation.idOf("SJ-YDXX").equals(unit) || DemoOrganisation.idOf("SJ-YDXX-DZB").equals(unit) ? "xx_officer" : "cg_officer";
    }

    /** A CSV of one risk of the unit, as an officer would import it. */
    public static byte[] riskCsv(String name, String unitName) {
        return ("风险名称,风险类别,责任单位\r\n" + name + ",廉政," + unitName + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Every operation with a record in its path, and every restricted one: how this test calls it. */
    public Map<String, Call> calls() {
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
        c.put("getTaskStatus", new Call(t, null, null, false));
        c.put("getTaskTimeline", new Call(t, null, null, false));
        c.put("createTask", new Call(Map.of(), Map.of("title", "角色矩阵新任务", "category", "OTHER"), null, false));
        c.put("updateTask", new Call(t, Map.of("description", "补充说明"), taskTag, false));
        c.put("issueTask", new Call(t, Map.of("units", List.of(Map.of("unitId", branch.toString(), "role", "LEAD"))), taskTag, false));
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
                "severity", "MINOR", "foundOn", TODAY, "unitId", branch.toString(), "kind", "ONGOING"), null, false));
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
        c.put("createRisk", new Call(Map.of(), Map.of("name", "角色矩阵新风险", "category", "OTHER", "unitId", branch.toString()), null, false));
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
        c.put("updateUnit", new Call(u, Map.of("name", unitName), unitTag, false));
        c.put("moveUnit", new Call(u, Map.of("parentId", unitParent), unitTag, false));
        c.put("deactivateUnit", new Call(u, reason, unitTag, false));
        c.put("activateUnit", new Call(u, null, unitTag, false));
        c.put("uploadAttachment", new Call(Map.of(), unit, null, true));
        // A call for one role where the operation's record kinds differ in their roles (the key is "operation@role"):
        // the OA files documents on rectification items (and tasks), not on units.
        c.put("uploadAttachment@integration", new Call(Map.of(), new Upload("RECTIFICATION", item), null, true));
        c.put("removeAttachment@integration", new Call(Map.of("id", itemAttachment), reason,
                () -> etag("/api/v1/attachments/" + itemAttachment), false));
        c.put("getAttachment", new Call(Map.of("id", attachment), null, null, false));
        c.put("downloadAttachment", new Call(Map.of("id", attachment), null, null, false));
        c.put("removeAttachment", new Call(Map.of("id", attachment), reason, () -> etag("/api/v1/attachments/" + attachment), false));
        c.put("setTestClock", new Call(Map.of(), Map.of("offsetSeconds", 0), null, false));
        // The unit officer's own to-do: every other caller is told it does not exist.
        c.put("markTodoRead", new Call(Map.of("id", todo), null, null, false));
        // Imports: a job of the unit's officer, and a mapping of theirs
        Map<String, String> j = Map.of("id", importJob);
        c.put("createImport", new Call(Map.of(), Map.of("ledger", "risks", "file", riskCsv("矩阵新导入", unitName)), null, true));
        c.put("getImport", new Call(j, null, null, false));
        c.put("listImportProblems", new Call(j, null, null, false));
        c.put("listImportRecords", new Call(j, null, null, false));
        c.put("getImportAnnotated", new Call(j, null, null, false));
        c.put("revalidateImport", new Call(j, Map.of("conflict", "SKIP"), null, false));
        c.put("commitImport", new Call(j, Map.of("validRowsOnly", true), null, false));
        c.put("cancelImport", new Call(j, null, null, false));
        c.put("saveImportMapping", new Call(Map.of(), Map.of("ledger", "risks", "name", "矩阵映射", "mapping", Map.of("风险点", Map.of("名称", "name"))), null, false));
        c.put("deleteImportMapping", new Call(Map.of("id", importMapping), null, null, false));
        // Outbound events
        Map<String, String> ws = Map.of("id", subscription);
        c.put("createWebhookSubscription", new Call(Map.of(), Map.of("name", "契约新订阅", "url", "http://127.0.0.1:9/contract-new",
                "adapter", "GENERIC", "eventTypes", List.of("webhook.test")), null, false));
        c.put("getWebhookSubscription", new Call(ws, null, null, false));
        c.put("updateWebhookSubscription", new Call(ws, Map.of("name", "契约订阅"),
                () -> etagAs("admin", "/api/v1/webhooks/subscriptions/" + subscription), false));
        c.put("rotateWebhookSecret", new Call(ws, null, null, false));
        c.put("sendWebhookTest", new Call(ws, null, null, false));
        c.put("getWebhookDelivery", new Call(Map.of("id", delivery), null, null, false));
        c.put("replayWebhookDelivery", new Call(Map.of("id", delivery), null, null, false));
        c.put("replayWebhookDeliveries", new Call(Map.of(), Map.of("subscriptionId", subscription,
                "from", "2026-01-01T00:00:00Z", "to", "2026-01-02T00:00:00Z"), null, false));
        c.put("allowWebhookHost", new Call(Map.of("host", "127.0.0.1"), Map.of("note", "契约测试"), null, false));
        c.put("disallowWebhookHost", new Call(Map.of("host", "contract-removed.invalid"), null, null, false));
        // The OA people mapping
        Map<String, String> o = Map.of("oaLogin", oaLogin);
        // Once deleted (an admin's call goes first), any version names none.
        Supplier<String> oaTag = () -> java.util.Optional.ofNullable(Api.as("admin")
                .get("/api/v1/integration/oa-users/{login}", oaLogin).header("ETag")).orElse("\"0\"");
        c.put("getOaUser", new Call(o, null, null, false));
        c.put("putOaUser", new Call(o, Map.of("username", oaLogin + "-user", "displayName", "契约测试"), oaTag, false));
        c.put("deleteOaUser", new Call(o, null, null, false));
        c.put("importOaUsers", new Call(Map.of(), Map.of("file", ("oaLogin,username,displayName\r\n" + oaLogin + ","
                + oaLogin + "-user,契约测试\r\n").getBytes(StandardCharsets.UTF_8)), null, true));
        // Reports and their template
        Map<String, String> rp = Map.of("id", report);
        Supplier<String> reportTag = () -> etag("/api/v1/reports/" + report);
        c.put("createReport", new Call(Map.of(), Map.of("period", "2026H2", "unitId", branch.toString()), null, false));
        c.put("getReport", new Call(rp, null, null, false));
        c.put("updateReport", new Call(rp, Map.of("title", "角色矩阵报告"), reportTag, false));
        c.put("refreshReport", new Call(rp, null, reportTag, false));
        c.put("listReportRevisions", new Call(rp, null, null, false));
        c.put("exportReportDocx", new Call(rp, null, null, false));
        c.put("exportReportPdf", new Call(rp, null, null, false));
        c.put("replaceReportTemplate", new Call(Map.of(), new Raw(cn.qingfeng.report.ReportDocument.defaultTemplate(),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), null, false));
        // Bulk import and export
        c.put("getImportTemplate", new Call(Map.of("ledger", "tasks"), null, null, false));
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

    public static String etag(String path) {
        return etagAs("jiandu", path);
    }

    public static String etagAs(String user, String path) {
        return Api.as(user).get(path).then().statusCode(200).extract().header("ETag");
    }

    private static String measureTag(String owner, String measureId) {
        List<Map<String, Object>> measures = Api.as("jiandu").get(owner).then().statusCode(200).extract().path("measures");
        Object version = measures.stream().filter(m -> measureId.equals(m.get("id"))).findFirst().orElseThrow().get("version");
        return "\"" + version + "\"";
    }

    private static RequestSpecification service(String client, String secret) {
        return given().auth().oauth2(Tokens.service(client, secret)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static byte[] pdf() {
        return ("%PDF-1.4\n% 角色矩阵 " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }
}
