package cn.qingfeng.auth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.support.Api;
import cn.qingfeng.support.ContractCalls;
import cn.qingfeng.support.ContractCalls.Call;
import cn.qingfeng.support.DemoUnits;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Data scope, generated from the contract: every operation on a record ({@code {id}} in its path),
 * called by the venues centre's officer and by its branch's viewer on records of the sports
 * school — outside both their scopes — answers 404 problem+json, before any role check, and
 * changes nothing (the records read back as a supervisor are as they were).
 */
@QuarkusTest
class ScopeMatrixTest {

    @Test
    void recordsOutsideTheCallersScopeAreNotFoundAndStayAsTheyWere() {
        ContractCalls school = ContractCalls.in(DemoUnits.SCHOOL);
        Map<String, Call> calls = school.calls();
        Map<String, String> before = snapshot(school);
        List<String> missing = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        int tried = 0;
        for (var path : (Iterable<Map.Entry<String, JsonNode>>) ContractCalls.paths()::fields) {
            // Subscriptions and deliveries are the system's configuration, not a unit's records: the
            // admin-only role check answers them (RoleMatrixTest), there is no scope to hide them by.
            if (!path.getKey().contains("{id}") || path.getKey().startsWith("/api/v1/risk-matrix")
                    || path.getKey().startsWith("/api/v1/webhooks/")) {
                continue;
            }
            for (var op : (Iterable<Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                String id = op.getValue().path("operationId").asText();
                Call call = calls.get(id);
                if (call == null) {
                    missing.add(id);
                    continue;
                }
                for (String user : List.of("cg_officer", "cg_viewer")) {
                    Response r = ContractCalls.send(Api.as(user), op.getKey(), path.getKey(), call);
                    tried++;
                    String type = r.contentType();
                    if (r.statusCode() != 404 || type == null || !type.startsWith("application/problem+json")) {
                        mismatches.add(id + " as " + user + ": " + r.statusCode() + " " + type);
                    }
                }
            }
        }
        System.out.printf("scope matrix: %d calls on records outside the caller's unit, %d mismatches%n", tried, mismatches.size());
        assertThat(missing).as("record operations without a call").isEmpty();
        assertThat(mismatches).isEmpty();
        assertThat(tried).isGreaterThan(100);
        assertThat(snapshot(school)).as("the records outside scope, read back").isEqualTo(before);
    }

    /** Each fixture record's ETag (its version) as a supervisor sees it, and the file's state. */
    private static Map<String, String> snapshot(ContractCalls c) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("task", ContractCalls.etag("/api/v1/tasks/" + c.task));
        out.put("assignment", ContractCalls.etag("/api/v1/assignments/" + c.assignment));
        out.put("item", ContractCalls.etag("/api/v1/rectifications/" + c.item));
        out.put("risk", ContractCalls.etag("/api/v1/risks/" + c.risk));
        out.put("unit", ContractCalls.etag("/api/v1/units/" + c.unit));
        out.put("attachment", ContractCalls.etag("/api/v1/attachments/" + c.attachment));
        out.put("urges", String.valueOf((Object) Api.as("jiandu").get("/api/v1/assignments/{id}/urges", c.assignment).path("items.size()")));
        out.put("events", String.valueOf((Object) Api.as("shenji").queryParam("entityId", c.risk).queryParam("limit", 200)
                .get("/api/v1/events").path("items.size()")));
        return out;
    }
}
