package cn.qingfeng.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.demo.DemoOrganisation;
import cn.qingfeng.support.AppProcess;
import cn.qingfeng.support.Tokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two packaged backends on one database, every scheduled job switched on in both at short
 * intervals: each job does its work once, and a client moving between the instances mid-flow
 * sees one system. (The outbox dispatcher under two instances, and one of them killed, is
 * {@code webhook.OutboxClusterIT}'s.)
 *
 * <p>"Once" is read from the database and the journal after both instances have run the job
 * twice more (their {@code scheduled_methods_seconds_count} on /q/metrics): work done a second
 * time would show by then. The instances run on a database of their own, cleaned at the first
 * one's start: the journal's retention can only be seen cutting history older than 180 days at the
 * head of the chain, which the demo organisation's founding day (400 days back) is, once.
 *
 * <p>Work that time makes due is made due by its data — deadlines already past, a few rows set back
 * as the owner — not by moving the clock: the test clock ({@code qingfeng.clock.adjustable}) is off
 * in the packaged jar, and each process would have its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterJobsIT {

    private static final int A = 8096;
    private static final int B = 8097;
    private static final String DB = AppProcess.DB.replaceAll("/[^/?]+(\\?.*)?$", "/qingfeng_cluster$1");
    /** The demo organisation was founded 400 days back; everything after is from the last 300 days. */
    private static final int RETENTION_DAYS = 365;
    /** JournalService's advisory lock: held by the test until both instances run, so both race for the purge. */
    private static final long RETENTION_LOCK = 7105003L;
    private static final String RETENTION = "cn.qingfeng.journal.JournalService";
    private static final UUID VENUES = DemoOrganisation.idOf("SJ-CGZX");
    private static final UUID SCHOOL = DemoOrganisation.idOf("SJ-YDXX");
    private static final UUID OFFICE = DemoOrganisation.idOf("SJ-BGS");
    private static final List<String> SETTINGS = List.of(
            "-Dqingfeng.tasks.scheduler-interval=1s",
            "-Dqingfeng.risks.scheduler-interval=1s",
            "-Dqingfeng.todos.sweep-interval=1s",
            "-Dqingfeng.journal.sealer-interval=1s",
            "-Dqingfeng.journal.retention-cron=*/2 * * * * ?",
            "-Dqingfeng.journal.retention-days=" + RETENTION_DAYS,
            "-Dqingfeng.webhooks.log-retention-days=1",
            "-Dqingfeng.idempotency.purge-interval=1s",
            "-Dqingfeng.imports.poll-interval=1s");

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final List<Process> started = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private Path dir;
    private Connection retentionHold;

    static {
        // A failed expectation is read from the log: show what was sent and what came back.
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeAll
    void startTwoInstances() throws Exception {
        dir = Files.createTempDirectory("qingfeng-cluster-it");
        try {
            retentionHold = owner();
        } catch (SQLException e) {
            throw new IllegalStateException(DB + " is missing: `scripts/pg.sh ensure-test` creates it", e);
        }
        query(retentionHold, "select pg_advisory_lock(?)", RETENTION_LOCK);
        List<String> first = new ArrayList<>(SETTINGS);
        first.addAll(List.of("-Dquarkus.flyway.clean-at-start=true", "-Dquarkus.flyway.clean-disabled=false"));
        started.add(AppProcess.start(DB, A, dir.resolve("a.log"), first));
        started.add(AppProcess.start(DB, B, dir.resolve("b.log"), SETTINGS));
    }

    @AfterAll
    void stop() throws Exception {
        started.forEach(Process::destroyForcibly);
        if (retentionHold != null) {
            retentionHold.close();
        }
    }

    // ---------------------------------------------------------------- the scheduled jobs

    @Test
    @Order(1)
    void theJournalRetentionCutsTheOldHistoryOnce() throws Exception {
        waitFor("both instances tried the retention while it was held back",
                () -> runs(A, RETENTION, "applyRetention") > 0 && runs(B, RETENTION, "applyRetention") > 0);
        assertThat(count("select count(*) from journal_anchor")).isZero();
        query(retentionHold, "select pg_advisory_unlock(?)", RETENTION_LOCK);
        waitFor("the founding day's events are purged", () -> count("select count(*) from journal_anchor") > 0);
        afterTwoMoreRuns(RETENTION, "applyRetention");

        List<Map<String, Object>> purges = rows("select (changes->'removed'->>'after')::bigint as removed from event where action = 'journal.purged'");
        List<Map<String, Object>> anchors = rows("select position, cutoff from journal_anchor");
        assertThat(purges).as("one purge, journaled once").hasSize(1);
        assertThat(anchors).hasSize(1);
        long cut = ((Number) anchors.get(0).get("position")).longValue();
        assertThat(((Number) purges.get(0).get("removed")).longValue()).as("the chain's first links, all of them").isEqualTo(cut);
        assertThat(count("select count(*) from event_seal where position <= ?", cut)).isZero();
        assertThat(count("select count(*) from event_seal s join event e on e.seq = s.event_seq"
                + " where s.position = ? and e.occurred_at >= (select cutoff from journal_anchor)", cut + 1))
                .as("the cut stops at the first event younger than the cutoff").isOne();
    }

    @Test
    @Order(2)
    void overdueAssignmentsAreEscalatedOnce() throws Exception {
        LocalDate yesterday = today().minusDays(1);
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add(issued(i % 2 == 0 ? A : B, "集群逾期 " + tag + " " + i, yesterday,
                    Map.of(VENUES, "LEAD", SCHOOL, "COOPERATING", OFFICE, "COOPERATING")));
        }
        List<String> assignments = strings("select id::text from task_assignment where task_id::text = any(?)", tasks);
        assertThat(assignments).hasSize(24);
        waitFor("every overdue assignment is escalated", () -> count(
                "select count(*) from task_assignment where id::text = any(?) and escalated_at is not null", assignments) == 24);
        afterTwoMoreRuns("cn.qingfeng.task.TaskScheduler", "run");

        assertThat(countsBy("select entity_id, count(*) from event where action = 'assignment.escalated'"
                + " and entity_id = any(?) group by entity_id", assignments))
                .as("one assignment.escalated per assignment").hasSize(24).allSatisfy((id, n) -> assertThat(n).isOne());
        assertThat(strings("select entity_id from event where action = 'assignment.escalated' group by entity_id having count(*) > 1"))
                .as("no assignment in the database escalated twice").isEmpty();
    }

    @Test
    @Order(3)
    void aRecurringTaskWhosePeriodHasBegunGetsOnePeriod() throws Exception {
        LocalDate monday = today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Map<String, Object> body = draft("集群周期 " + tag, null);
        body.put("recurrence", "WEEKLY");
        body.put("recurrenceStart", monday.toString());
        Response created = api(A, "jiandu").body(body).post("/api/v1/tasks");
        created.then().statusCode(201);
        String template = created.path("task.id");
        api(B, "jiandu").header("If-Match", created.header("ETag"))
                .body(Map.of("units", List.of(Map.of("unitId", VENUES.toString(), "role", "LEAD"))))
                .post("/api/v1/tasks/{id}/issue", template).then().statusCode(200);
        waitFor("the period's task is generated", () -> count("select count(*) from task where template_id = ?::uuid", template) > 0);
        afterTwoMoreRuns("cn.qingfeng.task.TaskScheduler", "run");

        assertThat(rows("select period_start, period_end from task where template_id = ?::uuid", template))
                .as("one task for this week").singleElement()
                .satisfies(t -> assertThat(t.get("period_start")).hasToString(monday.toString()));
        assertThat(count("select count(*) from event where action = 'task.period-generated' and changes->'templateId'->>'after' = ?", template)).isOne();
        assertThat(count("select count(*) from task where id = ?::uuid and next_period_start = ?::date", template, monday.plusWeeks(1).toString()))
                .as("the template waits for next week").isOne();
    }

    @Test
    @Order(4)
    void missedReviewsAndReportsAreFlaggedOnce() throws Exception {
        List<String> risks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int port = i % 2 == 0 ? A : B;
            String id = api(port, "jiandu").body(risk("集群风险 " + tag + " " + i)).post("/api/v1/risks")
                    .then().statusCode(201).extract().path("risk.id");
            // 重大: a report is owed within 24 hours besides the review.
            api(port == A ? B : A, "jiandu").header("If-Match", api(port, "jiandu").get("/api/v1/risks/{id}", id).header("ETag"))
                    .body(Map.of("likelihood", 4, "impact", 5, "reason", "集群测试评级"))
                    .post("/api/v1/risks/{id}/grading", id).then().statusCode(200);
            risks.add(id);
        }
        // Their time has passed: the day before yesterday, by the rows (the clock is each instance's own).
        try (Connection c = owner()) {
            update(c, "update risk_obligation set due_on = current_date - 2, due_at = now() - interval '2 days'"
                    + " where risk_id::text = any(?) and fulfilled_at is null and cancelled_at is null", risks);
        }
        List<String> obligations = strings("select id::text from risk_obligation where risk_id::text = any(?) and due_at < now()", risks);
        assertThat(obligations).as("a review and a report per risk").hasSize(12);
        waitFor("every missed obligation is flagged", () -> count(
                "select count(*) from risk_obligation where id::text = any(?) and missed_flagged_at is not null", obligations) == 12);
        afterTwoMoreRuns("cn.qingfeng.risk.RiskScheduler", "run");

        for (String action : List.of("risk.review-missed", "risk.report-missing")) {
            assertThat(countsBy("select entity_id, count(*) from event where action = '" + action + "'"
                    + " and entity_id = any(?) group by entity_id", risks))
                    .as(action + " once per risk").hasSize(6).allSatisfy((id, n) -> assertThat(n).isOne());
        }
    }

    @Test
    @Order(5)
    void aToDoThatTimeMadeOverdueChangesOnce() throws Exception {
        String task = issued(A, "集群待办 " + tag, today().plusDays(5), Map.of(VENUES, "LEAD"));
        String assignment = strings("select id::text from task_assignment where task_id = ?::uuid", task).get(0);
        api(B, "cg_officer").header("If-Match", api(B, "cg_officer").get("/api/v1/assignments/{id}", assignment).header("ETag"))
                .post("/api/v1/assignments/{id}/accept", assignment).then().statusCode(200);
        // The deadline passed and the sweep's day to look again has come (by the rows, as above).
        try (Connection c = owner()) {
            update(c, "update task_assignment set deadline = current_date - 1 where id = ?::uuid", assignment);
            update(c, "update todo_flow set recheck_on = current_date - 1 where flow_id = ?::uuid", assignment);
        }
        String overdue = "select count(*) from event e join todo t on t.id::text = e.entity_id where e.entity_type = 'todo'"
                + " and t.flow_id = ?::uuid and e.action = 'todo.updated' and e.changes->'kinds' @> '[\"assignment.overdue\"]'::jsonb";
        waitFor("the officer's to-do asks for overdue work", () -> count(overdue, assignment) > 0);
        afterTwoMoreRuns("cn.qingfeng.todo.TodoSweep", "scheduled");

        assertThat(count("select count(*) from todo where flow_id = ?::uuid and state = 'OPEN' and kinds like '%assignment.overdue%'", assignment))
                .as("receivers asked for overdue work").isPositive();
        assertThat(countsBy("select t.id::text, count(e.seq) from todo t left join event e on e.entity_id = t.id::text"
                + " and e.action = 'todo.updated' and e.changes->'kinds' @> '[\"assignment.overdue\"]'::jsonb"
                + " where t.flow_id = ?::uuid and t.kinds like '%assignment.overdue%' group by t.id", assignment))
                .as("one todo.updated per to-do").allSatisfy((id, n) -> assertThat(n).isOne());
    }

    @Test
    @Order(6)
    void anImportUploadedToOneAndCommittedOnTheOtherRunsOnce() throws Exception {
        int rows = 200;
        StringBuilder csv = new StringBuilder("任务标题,任务类别\r\n");
        for (int i = 1; i <= rows; i++) {
            csv.append("集群导入 ").append(tag).append(' ').append(i).append(",专题培训\r\n");
        }
        File file = dir.resolve("tasks.csv").toFile();
        Files.writeString(file.toPath(), csv);
        String id = api(A, "jiandu").contentType("multipart/form-data").multiPart("ledger", "tasks").multiPart("file", file, "text/csv")
                .post("/api/v1/imports").then().statusCode(202).extract().path("id");
        waitFor("the dry run is done", () -> "VALIDATED".equals(job(B, id).getString("status")));
        assertThat(job(B, id).getInt("counts.valid")).isEqualTo(rows);
        api(B, "jiandu").body(Map.of("validRowsOnly", false)).post("/api/v1/imports/{id}/commit", id).then().statusCode(202);
        waitFor("the import is committed", () -> "COMMITTED".equals(job(A, id).getString("status")));
        afterTwoMoreRuns("cn.qingfeng.bulk.job.ImportWorker", "poll");

        JsonPath done = job(A, id);
        assertThat(done.getInt("counts.created")).isEqualTo(rows);
        assertThat(done.getInt("progress.attempt")).as("the commit ran once, uninterrupted").isOne();
        List<String> created = strings("select id::text from task where title like ?", "集群导入 " + tag + " %");
        assertThat(created).as("each row made one task").hasSize(rows);
        assertThat(countsBy("select entity_id, count(*) from event where action = 'task.created' and entity_id = any(?) group by entity_id", created))
                .hasSize(rows).allSatisfy((task, n) -> assertThat(n).isOne());
    }

    @Test
    @Order(7)
    void theDeliveryLogAndExpiredIdempotencyKeysArePurged() throws Exception {
        String subscription = UUID.randomUUID().toString();
        List<String> old = new ArrayList<>();
        String young = UUID.randomUUID().toString();
        try (Connection c = owner()) {
            update(c, "insert into webhook_subscription (id, name, url, adapter, secret, status, created_at, updated_at)"
                    + " values (?::uuid, ?, 'http://127.0.0.1:9/none', 'GENERIC', 'whsec_cluster', 'DISABLED', now(), now())",
                    subscription, "集群保留 " + tag);
            for (int i = 0; i < 300; i++) {
                String d = UUID.randomUUID().toString();
                old.add(d);
                delivery(c, d, subscription, "3 days");
            }
            delivery(c, young, subscription, "1 hour");
            update(c, "insert into idempotency_key (subject, idem_key, fingerprint, method, path, state, claim, status, created_at,"
                    + " expires_at) select ?, k, repeat('0', 64), 'POST', '/api/v1/tasks', 'COMPLETED', gen_random_uuid(), 201,"
                    + " now() - age, now() - age + interval '1 day' from (values ('old', interval '2 days'), ('young', interval '0 days')) v (k, age)",
                    "cluster-" + tag);
        }
        waitFor("the old deliveries are gone", () -> count("select count(*) from webhook_delivery where id::text = any(?)", old) == 0);
        waitFor("the expired key is gone", () -> count("select count(*) from idempotency_key where subject = ? and idem_key = 'old'", "cluster-" + tag) == 0);
        afterTwoMoreRuns("cn.qingfeng.webhook.Dispatcher", "purgeLog");

        assertThat(count("select count(*) from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id where d.subscription_id = ?::uuid"
                + " and d.id <> ?::uuid", subscription, young)).isZero();
        assertThat(count("select count(*) from webhook_delivery where id = ?::uuid", young)).as("a young delivery stays").isOne();
        assertThat(count("select count(*) from idempotency_key where subject = ? and idem_key = 'young'", "cluster-" + tag)).isOne();
    }

    @Test
    @Order(8)
    void everyEventIsSealedOnceAndTheChainHolds() throws Exception {
        long last = count("select max(seq) from event");
        waitFor("every event so far is sealed", () -> count("select count(*) from event_unsealed where event_seq <= ?", last) == 0);
        afterTwoMoreRuns("cn.qingfeng.journal.JournalSealer", "scheduled");

        assertThat(count("select count(*) from event e where seq <= ? and (select count(*) from event_seal s where s.event_seq = e.seq) <> 1", last))
                .as("every event in the chain exactly once").isZero();
        long first = count("select min(position) from event_seal");
        long lastPosition = count("select max(position) from event_seal");
        assertThat(count("select count(*) from event_seal")).as("no gaps, no forks").isEqualTo(lastPosition - first + 1);
        JsonPath report = api(B, "shenji").get("/api/v1/events/verification").then().statusCode(200).extract().jsonPath();
        assertThat(report.getBoolean("intact")).as(report.prettify()).isTrue();
        assertThat(report.getLong("firstPosition")).as("from the retention's anchor on").isEqualTo(first);
        assertThat(report.getLong("unsealed")).isZero();
    }

    // ---------------------------------------------------------------- a client between the instances

    @Test
    @Order(9)
    void aClientMovingBetweenInstancesSeesOneSystem() throws Exception {
        String words = "集群翻页 " + tag;
        for (int i = 0; i < 5; i++) {
            api(i % 2 == 0 ? A : B, "jiandu").body(draft(words + " " + i, null)).post("/api/v1/tasks").then().statusCode(201);
        }
        // A cursor from one instance pages on the other, to the same next page.
        JsonPath first = api(A, "jiandu").queryParam("q", words).queryParam("limit", 2).get("/api/v1/tasks")
                .then().statusCode(200).extract().jsonPath();
        String cursor = first.getString("nextCursor");
        assertThat(cursor).isNotNull();
        List<String> onB = page(B, words, cursor);
        assertThat(onB).hasSize(2).isEqualTo(page(A, words, cursor)).doesNotContainAnyElementsOf(first.<String>getList("items.id"));

        // An ETag from one instance is the other's version too.
        String task = first.getString("items[0].id");
        String seen = api(A, "jiandu").get("/api/v1/tasks/{id}", task).then().statusCode(200).extract().header("ETag");
        String next = api(B, "jiandu").header("If-Match", seen).body(Map.of("title", words + " 改一")).patch("/api/v1/tasks/{id}", task)
                .then().statusCode(200).extract().header("ETag");
        assertThat(next).isNotEqualTo(seen);
        api(A, "jiandu").header("If-Match", seen).body(Map.of("title", words + " 旧版")).patch("/api/v1/tasks/{id}", task)
                .then().statusCode(412);
        api(A, "jiandu").header("If-Match", next).body(Map.of("title", words + " 改二")).patch("/api/v1/tasks/{id}", task)
                .then().statusCode(200);

        // An Idempotency-Key used on one instance replays on the other.
        String key = UUID.randomUUID().toString();
        String title = "集群幂等 " + tag;
        Response one = api(A, "jiandu").header("Idempotency-Key", key).body(draft(title, today().plusDays(30))).post("/api/v1/tasks");
        one.then().statusCode(201);
        Response two = api(B, "jiandu").header("Idempotency-Key", key).body(draft(title, today().plusDays(30))).post("/api/v1/tasks");
        two.then().statusCode(201).header("Idempotent-Replayed", "true").header("Location", one.header("Location"));
        assertThat(two.asString()).as("the first answer, byte for byte").isEqualTo(one.asString());
        assertThat(count("select count(*) from task where title = ?", title)).as("no second record").isOne();
    }

    // ---------------------------------------------------------------- helpers

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private static RequestSpecification api(int port, String user) {
        return given().baseUri("http://127.0.0.1:" + port).auth().oauth2(Tokens.user(user))
                .contentType("application/json").accept("application/json");
    }

    private static Map<String, Object> draft(String title, LocalDate deadline) {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "category", "STUDY", "priority", "HIGH"));
        if (deadline != null) {
            body.put("deadline", deadline.toString());
        }
        return body;
    }

    private static String issued(int port, String title, LocalDate deadline, Map<UUID, String> units) {
        Response created = api(port, "jiandu").body(draft(title, deadline)).post("/api/v1/tasks");
        created.then().statusCode(201);
        String id = created.path("task.id");
        List<Map<String, String>> list = units.entrySet().stream()
                .map(e -> Map.of("unitId", e.getKey().toString(), "role", e.getValue())).toList();
        api(port == A ? B : A, "jiandu").header("If-Match", created.header("ETag")).body(Map.of("units", list))
                .post("/api/v1/tasks/{id}/issue", id).then().statusCode(200);
        return id;
    }

    private static Map<String, Object> risk(String name) {
        return Map.of("name", name, "category", "SECRECY", "manifestation", "表现形式：" + name, "unitId", VENUES.toString(),
                "responsibleLeader", "刘强", "responsiblePerson", "周涛",
                "measures", List.of(Map.of("content", "建立台账，定期排查", "ownerName", "周涛")));
    }

    private static List<String> page(int port, String words, String cursor) {
        return api(port, "jiandu").queryParam("q", words).queryParam("limit", 2).queryParam("cursor", cursor).get("/api/v1/tasks")
                .then().statusCode(200).extract().path("items.id");
    }

    private static JsonPath job(int port, String id) {
        return api(port, "jiandu").get("/api/v1/imports/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    /** A finished delivery of {@code age} ago with its attempt, in one statement: the purge runs every two seconds. */
    private static void delivery(Connection c, String id, String subscription, String age) throws SQLException {
        update(c, "with d as (insert into webhook_delivery (id, subscription_id, event_seq, event_id, event_type, status, attempts,"
                + " next_attempt_at, created_at, delivered_at) values (?::uuid, ?::uuid, 0, gen_random_uuid(), 'task.created', 'DELIVERED', 1,"
                + " now() - ?::interval, now() - ?::interval, now() - ?::interval) returning id, created_at)"
                + " insert into webhook_attempt (delivery_id, attempted_at, outcome, status_code, latency_ms)"
                + " select id, created_at, 'DELIVERED', 200, 5 from d", id, subscription, age, age, age);
    }

    /** How often the instance on {@code port} has finished the scheduled method (Micrometer's timer of the scheduler). */
    private long runs(int port, String type, String method) {
        try {
            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (port + 920) + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("^scheduled_methods_seconds_count\\{([^}]*)\\} ([0-9.E]+)$", Pattern.MULTILINE).matcher(metrics);
            double total = 0;
            while (m.find()) {
                if (m.group(1).contains("class=\"" + type + "\"") && m.group(1).contains("method=\"" + method + "\"")) {
                    total += Double.parseDouble(m.group(2));
                }
            }
            return (long) total;
        } catch (Exception e) {
            throw new IllegalStateException("metrics of the instance on " + port, e);
        }
    }

    /**
     * Waits until each instance has finished two more runs of the job: the second began after
     * this call (a job's runs do not overlap on one instance), so whatever it would do again it has done.
     */
    private void afterTwoMoreRuns(String type, String method) throws InterruptedException {
        Map<Integer, Long> before = new LinkedHashMap<>();
        for (int port : new int[] {A, B}) {
            before.put(port, runs(port, type, method));
        }
        waitFor("both instances ran " + type + "#" + method + " twice more",
                () -> before.entrySet().stream().allMatch(e -> runs(e.getKey(), type, method) >= e.getValue() + 2));
    }

    private static void waitFor(String what, Check condition) throws InterruptedException {
        AppProcess.waitFor(what, () -> {
            try {
                return condition.holds();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static Connection owner() throws SQLException {
        return java.sql.DriverManager.getConnection(DB, "qingfeng_owner", "qingfeng_owner");
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof List<?> list) {
                s.setArray(i + 1, c.createArrayOf("varchar", list.toArray()));
            } else {
                s.setObject(i + 1, p);
            }
        }
        return s;
    }

    private static void query(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, params)) {
            s.executeQuery().close();
        }
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, params)) {
            s.executeUpdate();
        }
    }

    private static List<Map<String, Object>> rows(String sql, Object... params) throws SQLException {
        try (Connection c = owner(); PreparedStatement s = prepare(c, sql, params); ResultSet r = s.executeQuery()) {
            List<Map<String, Object>> out = new ArrayList<>();
            while (r.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    row.put(r.getMetaData().getColumnLabel(i), r.getObject(i));
                }
                out.add(row);
            }
            return out;
        }
    }

    private static List<String> strings(String sql, Object... params) throws SQLException {
        return rows(sql, params).stream().map(r -> String.valueOf(r.values().iterator().next())).toList();
    }

    private static long count(String sql, Object... params) throws SQLException {
        Object v = rows(sql, params).get(0).values().iterator().next();
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static Map<String, Long> countsBy(String sql, Object... params) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map<String, Object> r : rows(sql, params)) {
            var values = r.values().iterator();
            out.put(String.valueOf(values.next()), ((Number) values.next()).longValue());
        }
        return out;
    }
}
