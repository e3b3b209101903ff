package cn.qingfeng.common.tally;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.support.Api;
import cn.qingfeng.support.Db;
import cn.qingfeng.support.DemoUnits;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The kept counts (V15) against the rows they count: statistics over periods that start and end
 * inside months, list totals in and out of scope, the heat map and the obligation summary — after
 * inserts, updates that move a record between keys, deletes, and a compaction. The fixture is
 * written with SQL because the triggers are what is under test; the answers come from the API.
 */
@QuarkusTest
class TallyTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The school's subtree: what its officer (xx_officer) sees. */
    private static final String SCHOOL_SCOPE = "unit_id in (select id from unit where path like (select path from unit where id = '"
            + DemoUnits.SCHOOL + "') || '%')";

    @Inject
    TallyCompactor compactor;

    @Inject
    Clock clock;

    private static String code() {
        return "TT" + Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_000_000L);
    }

    /** An item found on {@code found}; closed at {@code closedAt} (an instant) when given. */
    private static UUID item(Connection c, String tag, UUID unit, LocalDate found, String status, String severity,
                             LocalDate deadline, Instant closedAt) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement ps = c.prepareStatement("insert into rectification_item (id, code, title, source, category, severity,"
                + " found_on, unit_id, kind, deadline, status, closed_at, created_by, created_at, updated_at)"
                + " values (?, ?, ?, 'AUDIT', 'SECRECY', ?, ?, ?, 'TIME_LIMITED', ?, ?, ?, 'test', now(), now())")) {
            ps.setObject(1, id);
            ps.setString(2, code());
            ps.setString(3, tag + " " + found);
            ps.setString(4, severity);
            ps.setObject(5, found);
            ps.setObject(6, unit);
            ps.setObject(7, deadline);
            ps.setString(8, status);
            ps.setTimestamp(9, closedAt == null ? null : Timestamp.from(closedAt));
            ps.executeUpdate();
        }
        return id;
    }

    private static void sql(Connection c, String statement, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    private static Map<String, Long> grouped(Connection c, String query, Object... params) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    private static long count(Connection c, String query, Object... params) throws SQLException {
        return grouped(c, "select 'n', count(*) from (" + query + ") q", params).get("n");
    }

    /** The statistics the API answers for a period must be those of the rows found in it. */
    private static void statsMatchRows(Connection c, String user, String scope, LocalDate from, LocalDate to) throws SQLException {
        String where = " from rectification_item where found_on between ? and ?" + (scope == null ? "" : " and " + scope);
        JsonPath stats = Api.as(user).queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/v1/rectifications/stats").then().statusCode(200).extract().jsonPath();
        String period = user + " " + from + ".." + to;
        assertThat(stats.getLong("total")).as(period).isEqualTo(count(c, "select 1" + where, from, to));
        for (String dim : List.of("status", "source", "category", "severity")) {
            Map<String, Long> api = new HashMap<>();
            stats.<String, Number>getMap("by" + Character.toUpperCase(dim.charAt(0)) + dim.substring(1))
                    .forEach((k, v) -> api.put(k, v.longValue()));
            assertThat(api).as(period + " by " + dim).isEqualTo(grouped(c, "select " + dim + ", count(*)" + where + " group by 1", from, to));
        }
        Map<String, Long> closed = grouped(c, "select case when (closed_at at time zone 'Asia/Shanghai')::date <= deadline"
                + " then 'on' else 'late' end, count(*)" + where + " and status = 'CLOSED' and kind = 'TIME_LIMITED' group by 1", from, to);
        long limited = closed.values().stream().mapToLong(Long::longValue).sum();
        assertThat(stats.getDouble("onTimeRate")).as(period + " on time")
                .isCloseTo(limited == 0 ? 0 : (double) closed.getOrDefault("on", 0L) / limited, org.assertj.core.data.Offset.offset(1e-6));
        Map<String, Long> units = new HashMap<>();
        for (Map<String, Object> u : stats.<Map<String, Object>>getList("byUnit")) {
            units.put((String) ((Map<?, ?>) u.get("unit")).get("id"), ((Number) u.get("total")).longValue());
        }
        assertThat(units).as(period + " by unit").isEqualTo(grouped(c, "select unit_id::text, count(*)" + where + " group by 1", from, to));
    }

    private static void allPeriodsMatch(Connection c) throws SQLException {
        List<LocalDate[]> periods = List.of(
                new LocalDate[] {LocalDate.of(2003, 1, 1), LocalDate.of(2003, 12, 31)},   // whole months only
                new LocalDate[] {LocalDate.of(2003, 1, 31), LocalDate.of(2003, 2, 1)},    // two days across a month edge
                new LocalDate[] {LocalDate.of(2003, 2, 1), LocalDate.of(2003, 2, 28)},    // exactly one month
                new LocalDate[] {LocalDate.of(2003, 1, 15), LocalDate.of(2003, 3, 10)},   // partial, whole, partial
                new LocalDate[] {LocalDate.of(2002, 12, 31), LocalDate.of(2004, 1, 1)});  // a day beyond each end
        for (LocalDate[] p : periods) {
            statsMatchRows(c, "lingdao", null, p[0], p[1]);
            statsMatchRows(c, "xx_officer", SCHOOL_SCOPE, p[0], p[1]);
        }
    }

    @Test
    void statisticsFromKeptCountsEqualTheRowsAtMonthEdgesAfterEveryKindOfChange() throws SQLException {
        String tag = "计数" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = Db.asOwner()) {
            List<UUID> ids = new ArrayList<>();
            for (LocalDate found : List.of(LocalDate.of(2003, 1, 31), LocalDate.of(2003, 2, 1), LocalDate.of(2003, 2, 28),
                    LocalDate.of(2003, 3, 1), LocalDate.of(2003, 12, 31))) {
                ids.add(item(c, tag, DemoUnits.SCHOOL, found, "PENDING", "MINOR", LocalDate.of(2003, 6, 30), null));
                ids.add(item(c, tag, DemoUnits.VENUES, found, "IN_PROGRESS", "SERIOUS", LocalDate.of(2003, 6, 30), null));
            }
            // Closed at 00:30 in Shanghai on the day after the deadline (16:30 UTC on the deadline): late.
            item(c, tag, DemoUnits.SCHOOL_BRANCH, LocalDate.of(2003, 2, 1), "CLOSED", "MINOR", LocalDate.of(2003, 6, 30),
                    LocalDate.of(2003, 6, 30).atTime(16, 30).toInstant(java.time.ZoneOffset.UTC));
            item(c, tag, DemoUnits.SCHOOL, LocalDate.of(2003, 2, 1), "CLOSED", "MINOR", LocalDate.of(2003, 6, 30),
                    LocalDate.of(2003, 6, 30).atTime(15, 30).toInstant(java.time.ZoneOffset.UTC));
            allPeriodsMatch(c);

            // A close-off, a correction that moves the found date across a month and the unit across
            // scopes, and a removal: each moves the counts of exactly its keys.
            sql(c, "update rectification_item set status = 'CLOSED', closed_at = now() where id = ?", ids.get(0));
            sql(c, "update rectification_item set found_on = date '2003-03-01', unit_id = ? where id = ?", DemoUnits.VENUES, ids.get(2));
            sql(c, "update rectification_item set severity = 'SERIOUS', updated_at = now() where id = ?", ids.get(4));
            sql(c, "delete from rectification_item where id = ?", ids.get(6));
            allPeriodsMatch(c);

            assertThat(compactor.compact()).isPositive();
            allPeriodsMatch(c);
            assertThat(count(c, "select 1 from tally where not compacted")).as("folded").isZero();
        } finally {
            removeFixture("delete from rectification_item where title like ?", tag + " %");
        }
    }

    /** The fixture goes again: rows written with SQL have no to-dos or journal, and other tests count open records. */
    private static void removeFixture(String statement, Object... params) throws SQLException {
        try (Connection c = Db.asOwner()) {
            sql(c, statement, params);
        }
    }

    @Test
    void listTotalsAndTheHeatMapFromKeptCountsEqualTheRows() throws SQLException {
        try (Connection c = Db.asOwner()) {
            Map<String, String> cases = new java.util.LinkedHashMap<>();
            cases.put("lingdao /api/v1/rectifications", "select 1 from rectification_item");
            cases.put("lingdao /api/v1/rectifications?status=CLOSED", "select 1 from rectification_item where status = 'CLOSED'");
            cases.put("lingdao /api/v1/rectifications?unitId=" + DemoUnits.SCHOOL + "&severity=MINOR",
                    "select 1 from rectification_item where unit_id = '" + DemoUnits.SCHOOL + "' and severity = 'MINOR'");
            cases.put("xx_officer /api/v1/rectifications", "select 1 from rectification_item where " + SCHOOL_SCOPE);
            cases.put("xx_officer /api/v1/rectifications?unitId=" + DemoUnits.VENUES, "select 1 where false");
            cases.put("jiandu /api/v1/risks?category=SECRECY", "select 1 from risk where category = 'SECRECY'");
            cases.put("xx_officer /api/v1/risks?status=IDENTIFIED", "select 1 from risk where status = 'IDENTIFIED' and " + SCHOOL_SCOPE);
            cases.put("jiandu /api/v1/tasks", "select 1 from task");
            cases.put("jiandu /api/v1/tasks?status=ISSUED", "select 1 from task where status = 'ISSUED'");
            // The status with one more filter: kept in pairs.
            cases.put("jiandu /api/v1/tasks?status=ISSUED&category=INSPECTION",
                    "select 1 from task where status = 'ISSUED' and category = 'INSPECTION'");
            cases.put("lingdao /api/v1/rectifications?status=CLOSED&severity=MINOR",
                    "select 1 from rectification_item where status = 'CLOSED' and severity = 'MINOR'");
            cases.put("xx_officer /api/v1/risks?status=IDENTIFIED&category=SECRECY",
                    "select 1 from risk where status = 'IDENTIFIED' and category = 'SECRECY' and " + SCHOOL_SCOPE);
            cases.put("jiandu /api/v1/risks?level=MAJOR&status=CONTROLLING",
                    "select 1 from risk where level = 'MAJOR' and status = 'CONTROLLING'");
            // Three filters: counted from the rows.
            cases.put("jiandu /api/v1/rectifications?status=PENDING&severity=MINOR&source=AUDIT",
                    "select 1 from rectification_item where status = 'PENDING' and severity = 'MINOR' and source = 'AUDIT'");
            // Not kept (a scoped caller's tasks; a text filter): counted from the rows.
            cases.put("xx_officer /api/v1/tasks", "select 1 from task t where status <> 'DRAFT' and exists (select 1 from task_assignment a"
                    + " where a.task_id = t.id and a." + SCHOOL_SCOPE + ")");
            cases.put("jiandu /api/v1/rectifications?q=计数", "select 1 from rectification_item where title like '%计数%'");
            for (Map.Entry<String, String> e : cases.entrySet()) {
                String[] userPath = e.getKey().split(" ", 2);
                JsonPath page = Api.as(userPath[0]).queryParam("includeTotal", true).queryParam("limit", 1)
                        .get(userPath[1]).then().statusCode(200).extract().jsonPath();
                assertThat(page.getLong("total")).as(e.getKey()).isEqualTo(count(c, e.getValue()));
                assertThat(page.getBoolean("totalExact")).as(e.getKey()).isTrue();
            }

            for (String basis : List.of("INHERENT", "RESIDUAL")) {
                for (boolean withClosed : List.of(false, true)) {
                    String l = basis.equals("RESIDUAL") ? "residual_likelihood" : "likelihood";
                    String i = basis.equals("RESIDUAL") ? "residual_impact" : "impact";
                    Map<String, Long> rows = grouped(c, "select coalesce(" + l + " || 'x' || " + i + ", '-'), count(*) from risk"
                            + " where unit_id = ?" + (withClosed ? "" : " and status <> 'CLOSED'") + " group by 1", DemoUnits.VENUES);
                    JsonPath map = Api.as("jiandu").queryParam("unitId", DemoUnits.VENUES.toString()).queryParam("basis", basis)
                            .queryParam("includeClosed", withClosed).get("/api/v1/risks/heatmap").then().statusCode(200).extract().jsonPath();
                    Map<String, Long> api = new HashMap<>();
                    for (Map<String, Object> cell : map.<Map<String, Object>>getList("cells")) {
                        long n = ((Number) cell.get("count")).longValue();
                        if (n > 0) {
                            api.put(cell.get("likelihood") + "x" + cell.get("impact"), n);
                        }
                    }
                    if (map.getLong("ungraded") > 0) {
                        api.put("-", map.getLong("ungraded"));
                    }
                    assertThat(api).as(basis + (withClosed ? " with closed" : "")).isEqualTo(rows);
                }
            }
        }
    }

    @Test
    void obligationSummaryFromKeptCountsEqualsTheRowsPastThisMonthAndAhead() throws SQLException {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, SHANGHAI);
        String tag = "计数风险" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = Db.asOwner()) {
            // Obligations of the school's risks: met and late last year, missed last month, due today, due next year, cancelled.
            LocalDate lastMonth = today.withDayOfMonth(1).minusMonths(1).plusDays(10);
            Object[][] fixture = {
                {today.minusYears(1), today.minusYears(1).minusDays(1), null},
                {today.minusYears(1).plusDays(3), today.minusYears(1).plusDays(5), null},
                {lastMonth, null, null},
                {today.plusYears(1), null, null},
                {today, null, null},
                {today.minusYears(1).plusDays(7), null, today.minusYears(1)},
            };
            for (Object[] o : fixture) {
                UUID risk = UUID.randomUUID();
                sql(c, "insert into risk (id, code, name, category, unit_id, status, created_by, created_at, updated_at)"
                        + " values (?, ?, ?, 'SECRECY', ?, 'IDENTIFIED', 'test', now(), now())", risk, code(), tag, DemoUnits.SCHOOL);
                LocalDate due = (LocalDate) o[0];
                sql(c, "insert into risk_obligation (id, risk_id, unit_id, kind, due_on, due_at, fulfilled_at, cancelled_at, created_at)"
                        + " values (?, ?, ?, 'REVIEW', ?, ?, ?, ?, now())", UUID.randomUUID(), risk, DemoUnits.SCHOOL, due,
                        Timestamp.from(due.plusDays(1).atStartOfDay(SHANGHAI).toInstant()),
                        o[1] == null ? null : Timestamp.from(((LocalDate) o[1]).atTime(12, 0).atZone(SHANGHAI).toInstant()),
                        o[2] == null ? null : Timestamp.from(((LocalDate) o[2]).atTime(12, 0).atZone(SHANGHAI).toInstant()));
            }
            LocalDate from = today.minusYears(2).withDayOfYear(1);
            LocalDate to = today.plusYears(2).withDayOfMonth(1).minusDays(1);
            for (String user : List.of("jiandu", "xx_officer")) {
                JsonPath s = Api.as(user).queryParam("from", from.toString()).queryParam("to", to.toString())
                        .get("/api/v1/risk-obligations/summary").then().statusCode(200).extract().jsonPath();
                Map<String, Long> rows = grouped(c, "select case when fulfilled_at is not null and fulfilled_at <= due_at then 'met'"
                        + " when fulfilled_at is not null then 'late' when due_at < ? then 'missing' else 'pending' end, count(*)"
                        + " from risk_obligation where cancelled_at is null and due_on between ? and ?"
                        + (user.equals("jiandu") ? "" : " and " + SCHOOL_SCOPE) + " group by 1", Timestamp.from(now), from, to);
                for (String state : List.of("met", "late", "missing", "pending")) {
                    assertThat(s.getLong(state)).as(user + " " + state).isEqualTo(rows.getOrDefault(state, 0L));
                }
            }
        } finally {
            removeFixture("delete from risk_obligation where risk_id in (select id from risk where name = ?)", tag);
            removeFixture("delete from risk where name = ?", tag);
        }
    }

    @Test
    void aTotalBeyondTheCountLimitSaysMoreThanAndStopsCounting() throws SQLException {
        String tag = "上限" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = Db.asOwner()) {
            sql(c, "insert into rectification_item (id, code, title, source, category, severity, found_on, unit_id, kind,"
                    + " status, created_by, created_at, updated_at)"
                    + " select gen_random_uuid(), 'TL' || ? || g, ? || ' ' || g, 'AUDIT', 'SECRECY', 'MINOR', date '2003-05-05', ?,"
                    + " 'ONGOING', 'PENDING', 'test', now(), now() from generate_series(1, 1001) g",
                    tag.substring(2), tag, DemoUnits.SCHOOL);
            try {
                JsonPath many = Api.as("jiandu").queryParam("q", tag).queryParam("includeTotal", true).queryParam("limit", 5)
                        .get("/api/v1/rectifications").then().statusCode(200).extract().jsonPath();
                assertThat(many.getLong("total")).isEqualTo(1_000);
                assertThat(many.getBoolean("totalExact")).isFalse();
                assertThat(many.getList("items")).hasSize(5);
                JsonPath one = Api.as("jiandu").queryParam("q", tag + " 1001").queryParam("includeTotal", true)
                        .get("/api/v1/rectifications").then().statusCode(200).extract().jsonPath();
                assertThat(one.getLong("total")).isEqualTo(1);
                assertThat(one.getBoolean("totalExact")).isTrue();
            } finally {
                sql(c, "delete from rectification_item where title like ?", tag + " %");
            }
        }
    }
}
