package cn.qingfeng.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import cn.qingfeng.support.Api;
import cn.qingfeng.support.Db;
import cn.qingfeng.support.DemoUnits;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The journal: one event per change, in the change's transaction; append-only; a verifiable chain. */
@QuarkusTest
class JournalTest {

    @Inject
    Journal journal;

    @Inject
    EntityManager em;

    @Inject
    JournalSealer sealer;

    private static String newUnit(String prefix) {
        String code = prefix + "-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        return Api.as("admin").body(Map.of("code", code, "name", "测试单位 " + code, "kind", "BRANCH",
                        "parentId", DemoUnits.OFFICE.toString()))
                .post("/api/v1/units").then().statusCode(201).extract().path("id");
    }

    private static List<Map<String, Object>> eventsOf(String entityId) {
        return Api.as("shenji").queryParam("entityId", entityId).queryParam("sort", "seq")
                .get("/api/v1/events").then().statusCode(200).extract().path("items");
    }

    @Test
    void aChangeWritesExactlyOneEventWithActorAndRequestId() {
        String id = newUnit("JA");
        assertThat(eventsOf(id)).hasSize(1);

        String etag = Api.as("admin").get("/api/v1/units/{id}", id).then().extract().header("ETag");
        Response renamed = Api.as("admin").header("If-Match", etag).header("X-Request-Id", "test-req-0001")
                .body(Map.of("name", "改过的名字")).patch("/api/v1/units/{id}", id);
        renamed.then().statusCode(200).header("X-Request-Id", "test-req-0001");

        List<Map<String, Object>> events = eventsOf(id);
        assertThat(events).hasSize(2);
        Map<String, Object> last = events.get(1);
        assertThat(last.get("action")).isEqualTo("unit.updated");
        assertThat(last.get("actorName")).isEqualTo("张伟");
        assertThat(last.get("client")).isEqualTo("API");
        assertThat(last.get("requestId")).isEqualTo("test-req-0001");
        assertThat(last.get("unitId")).isEqualTo(id);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> changes = (Map<String, Map<String, Object>>) last.get("changes");
        assertThat(changes.get("name").get("after")).isEqualTo("改过的名字");
        assertThat(changes.get("name").get("before")).asString().startsWith("测试单位");

        // The unit's own timeline shows the same, to anyone who may see the unit.
        List<String> timeline = Api.as("bgs_officer").get("/api/v1/units/{id}/timeline", id).then().statusCode(200)
                .extract().path("items.action");
        assertThat(timeline).containsExactly("unit.created", "unit.updated");
        Api.as("cg_officer").get("/api/v1/units/{id}/timeline", id).then().statusCode(404);
    }

    @Test
    void aRolledBackChangeLeavesNoEvent() {
        String entityId = UUID.randomUUID().toString();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            journal.record("test.changed", "test", entityId, null, Changes.of().set("x", 1));
            throw new IllegalStateException("the change fails after its event was written");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(eventsOf(entityId)).isEmpty();

        QuarkusTransaction.requiringNew().run(() ->
                journal.record("test.changed", "test", entityId, null, Changes.of().set("x", 1)));
        assertThat(eventsOf(entityId)).hasSize(1);
    }

    @Test
    void journalCannotBeWrittenWithoutATransaction() {
        assertThatThrownBy(() -> journal.record("test.changed", "test", "x", null, Changes.of()))
                .isInstanceOf(jakarta.transaction.TransactionalException.class);
    }

    @Test
    void applicationRoleCannotUpdateDeleteOrTruncateTheJournal() throws SQLException {
        newUnit("JB");
        try (Connection app = Db.asApp()) {
            for (String sql : List.of("update event set action = 'x'", "delete from event",
                    "truncate event", "update event_seal set hash = 'x'", "delete from event_seal")) {
                assertThatThrownBy(() -> app.createStatement().executeUpdate(sql))
                        .as(sql).isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
            }
        }
    }

    @Test
    void evenTheSchemaOwnerCannotRewriteEvents() throws SQLException {
        newUnit("JC");
        try (Connection owner = Db.asOwner()) {
            assertThatThrownBy(() -> owner.createStatement().executeUpdate("update event set action = 'x'"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void retentionRefusesToPurgeRecentEvents() throws SQLException {
        try (Connection app = Db.asApp()) {
            assertThatThrownBy(() -> app.createStatement().executeQuery("select purge_journal(now() - interval '30 days')"))
                    .hasMessageContaining("at least 180 days");
            // A permitted cutoff that keeps everything: just before the oldest event (the demo
            // organisation is some 400 days old, so a fixed "400 days" would depend on the hour).
            long before = count(app, "select count(*) from event");
            try (ResultSet rs = app.createStatement().executeQuery(
                    "select purge_journal(least(now() - interval '180 days', (select min(occurred_at) from event)))")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
            assertThat(count(app, "select count(*) from event")).isEqualTo(before);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void verifierReportsTheFirstTamperedEvent() throws SQLException {
        String id = newUnit("JD");
        while (sealer.sealBatch() > 0) {
            // chain everything committed so far
        }
        Api.as("shenji").get("/api/v1/events/verification").then().statusCode(200)
                .body("intact", equalTo(true)).body("firstBroken", org.hamcrest.Matchers.nullValue());

        long seq = ((Number) eventsOf(id).get(0).get("seq")).longValue();
        String original;
        try (Connection owner = Db.asOwner()) {
            try (PreparedStatement ps = owner.prepareStatement("select changes::text from event where seq = ?")) {
                ps.setLong(1, seq);
                ResultSet rs = ps.executeQuery();
                rs.next();
                original = rs.getString(1);
            }
            tamper(owner, seq, "{\"name\": {\"after\": \"被篡改的名称\"}}");
            try {
                Api.as("shenji").get("/api/v1/events/verification").then().statusCode(200)
                        .body("intact", equalTo(false))
                        .body("firstBroken.eventSeq", equalTo((int) seq))
                        .body("firstBroken.reason", equalTo("hash-mismatch"));
            } finally {
                tamper(owner, seq, original);
            }
        }
        Api.as("admin").get("/api/v1/events/verification").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void eventsAreSealedWhateverElseRunsOnTheServer() throws SQLException {
        // A long transaction in another database of the server (a bulk load, a report) once held the
        // sealer back: it waited for the oldest transaction anywhere on the server to end.
        try (Connection elsewhere = Db.inAnotherDatabase()) {
            elsewhere.setAutoCommit(false);
            elsewhere.createStatement().execute("select pg_current_xact_id()");
            String id = newUnit("JE");
            Api.as("shenji").get("/api/v1/events/verification").then().statusCode(200)
                    .body("pending", org.hamcrest.Matchers.greaterThan(0)).body("pendingSince", org.hamcrest.Matchers.notNullValue());
            while (sealer.sealBatch() > 0) {
                // chain everything committed so far
            }
            Api.as("shenji").get("/api/v1/events/verification").then().statusCode(200)
                    .body("intact", equalTo(true)).body("pending", equalTo(0)).body("unsealed", equalTo(0));
            assertThat(eventsOf(id)).isNotEmpty();
            elsewhere.rollback();
        }
    }

    @Test
    void anEventTakenOutOfTheSealersQueueShowsAsUnsealed() throws SQLException {
        newUnit("JF");
        // The queue is the one thing the application's role may delete from: a removal without a seal shows.
        try (Connection app = Db.asApp()) {
            app.createStatement().executeUpdate("delete from event_unsealed where event_seq = (select max(seq) from event)");
        }
        Api.as("shenji").get("/api/v1/events/verification").then().statusCode(200)
                .body("intact", equalTo(false)).body("unsealed", org.hamcrest.Matchers.greaterThan(0));
        try (Connection owner = Db.asOwner()) {
            owner.createStatement().executeUpdate("insert into event_unsealed (event_seq, occurred_at) select e.seq, e.occurred_at"
                    + " from event e where not exists (select 1 from event_seal s where s.event_seq = e.seq)"
                    + " and not exists (select 1 from event_unsealed u where u.event_seq = e.seq)");
        }
        Api.as("shenji").get("/api/v1/events/verification").then().statusCode(200).body("unsealed", equalTo(0));
    }

    /** What someone with the owner's rights could do behind the application's back. */
    private static void tamper(Connection owner, long seq, String changes) throws SQLException {
        owner.createStatement().execute("alter table event disable trigger event_append_only");
        try (PreparedStatement ps = owner.prepareStatement("update event set changes = ?::jsonb where seq = ?")) {
            ps.setString(1, changes);
            ps.setLong(2, seq);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        } finally {
            owner.createStatement().execute("alter table event enable trigger event_append_only");
        }
    }

    @Test
    void auditorFiltersAndPagesTheJournalAndTheReadIsJournaled() {
        String a = newUnit("JE");
        newUnit("JE");
        List<String> actions = Api.as("shenji").queryParam("action", "unit.").queryParam("limit", 200)
                .get("/api/v1/events").then().statusCode(200).extract().path("items.action");
        assertThat(actions).isNotEmpty().allMatch(x -> x.startsWith("unit."));

        // Page through everything one event at a time: no event twice, newest first.
        String cursor = null;
        List<Integer> seen = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            var req = Api.as("shenji").queryParam("limit", 1).queryParam("action", "unit.created");
            if (cursor != null) {
                req.queryParam("cursor", cursor);
            }
            Response page = req.get("/api/v1/events");
            page.then().statusCode(200);
            seen.add(page.path("items[0].seq"));
            cursor = page.path("nextCursor");
        }
        assertThat(seen).doesNotHaveDuplicates().isSortedAccordingTo(java.util.Comparator.reverseOrder());

        Api.as("shenji").queryParam("entityId", a).get("/api/v1/events").then().statusCode(200);
        List<Map<String, Object>> reads = Api.as("admin").queryParam("action", "journal.read").queryParam("limit", 5)
                .get("/api/v1/events").then().statusCode(200).extract().path("items");
        assertThat(reads).anySatisfy(e -> {
            assertThat(e.get("actorName")).isEqualTo("吴芳");
            assertThat(e.get("changes").toString()).contains(a);
        });
    }

    @Test
    void tamperedCursorIsRefused() {
        String next = Api.as("shenji").queryParam("limit", 1).get("/api/v1/events").then().statusCode(200)
                .extract().path("nextCursor");
        String forged = next.substring(0, next.indexOf('.')) + ".AAAAAAAAAAAAAAAAAAAAAA";
        Api.as("shenji").queryParam("cursor", forged).get("/api/v1/events").then().statusCode(400)
                .body("code", equalTo("cursor.invalid"));
    }
}
