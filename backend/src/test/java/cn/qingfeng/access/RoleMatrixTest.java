package cn.qingfeng.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.support.ContractCalls;
import cn.qingfeng.support.ContractCalls.Call;
import cn.qingfeng.support.DemoUnits;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
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

    private static final UUID BRANCH = DemoUnits.VENUES_BRANCH;

    @Test
    void everyRoleReachesWhatTheTableGivesItAndNothingElse() throws Exception {
        Map<String, Call> calls = ContractCalls.in(BRANCH).calls();
        JsonNode paths = ContractCalls.paths();
        List<String> missing = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        int tried = 0;
        for (var path : (Iterable<Map.Entry<String, JsonNode>>) paths::fields) {
            for (var op : (Iterable<Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                String id = op.getValue().path("operationId").asText();
                seen.add(id);
                Call general = calls.get(id);
                if (general == null && path.getKey().contains("{")) {
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
                for (var role : ContractCalls.callers().entrySet()) {
                    boolean allowed = rule == null || rule.roles().contains(role.getKey());
                    // An operation over several kinds of record may have a call of its own for a role (a kind it may act on).
                    Call call = calls.getOrDefault(id + "@" + role.getKey(), general);
                    Response r = ContractCalls.send(role.getValue().get(), op.getKey(), path.getKey(), call == null ? Call.NONE : call);
                    tried++;
                    String code = r.contentType().contains("json") ? String.valueOf((Object) r.path("code")) : "";
                    boolean roleRefused = r.statusCode() == 403 && "forbidden".equals(code);
                    boolean hidden = r.statusCode() == 404 && path.getKey().contains("{") && rule != null && rule.onRecord();
                    // Scope comes before role: a record the caller cannot see at all is 404 to them whatever the
                    // action (their read of it is 404 too), which says nothing against the table.
                    boolean unseen = !allowed && r.statusCode() == 404 && path.getKey().contains("{id}") && call != null
                            && ContractCalls.send(role.getValue().get(), "get", path.getKey().replaceAll("(\\{id\\}).*", "$1"), call).statusCode() == 404;
                    if (allowed ? roleRefused || hidden || r.statusCode() == 401 : !roleRefused && !unseen) {
                        mismatches.add(id + " as " + role.getKey() + ": " + r.statusCode() + " " + code
                                + (allowed ? " (the table allows it)" : " (want 403 forbidden)"));
                    }
                }
            }
        }
        System.out.printf("role matrix: %d operations x %d roles = %d calls, %d mismatches%n",
                seen.size(), ContractCalls.callers().size(), tried, mismatches.size());
        assertThat(missing).as("operations with a path parameter and no call in this test").isEmpty();
        assertThat(ApiAccess.rules().keySet()).as("rules for operations the contract does not have").isSubsetOf(seen);
        assertThat(mismatches).isEmpty();
    }
}
