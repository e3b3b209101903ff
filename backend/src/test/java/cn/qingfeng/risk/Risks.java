package cn.qingfeng.risk;

import cn.qingfeng.support.Api;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Requests of the risk ledger used by several tests. */
final class Risks {

    private Risks() {
    }

    static Map<String, Object> body(String name, UUID unit, String category) {
        Map<String, Object> b = new HashMap<>();
        b.put("name", name);
        b.put("category", category);
        b.put("manifestation", "表现形式：" + name);
        b.put("unitId", unit.toString());
        b.put("responsibleLeader", "刘强");
        b.put("responsiblePerson", "周涛");
        b.put("measures", List.of(Map.of("content", "建立台账，定期排查", "ownerName", "周涛")));
        return b;
    }

    static String create(String user, String name, UUID unit) {
        return Api.as(user).body(body(name, unit, "SECRECY")).post("/api/v1/risks")
                .then().statusCode(201).extract().path("risk.id");
    }

    static Response detail(String user, String id) {
        return Api.as(user).get("/api/v1/risks/{id}", id);
    }

    static Response act(String user, String id, String action, Object body) {
        var req = Api.as(user).header("If-Match", detail(user, id).header("ETag"));
        if (body != null) {
            req.body(body);
        }
        return req.post("/api/v1/risks/{id}/" + action, id);
    }

    static Response grade(String id, int likelihood, int impact) {
        return act("jiandu", id, "grading", Map.of("likelihood", likelihood, "impact", impact, "reason", "评级"));
    }

    static Map<String, Object> review(String on, Integer likelihood, Integer impact) {
        Map<String, Object> b = new HashMap<>();
        b.put("reviewedOn", on);
        b.put("participants", "班子成员、保密干部");
        b.put("conclusion", "研判结论");
        if (likelihood != null) {
            b.put("likelihood", likelihood);
            b.put("impact", impact);
        }
        return b;
    }

    static Response report(String id) {
        return Api.as("jiandu").body(Map.of("recipient", "局机关党委", "content", "风险报告")).post("/api/v1/risks/{id}/reports", id);
    }
}
