package cn.qingfeng.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.support.Api;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The statistics API as tests read it, and the check that every figure's drill-down lists what it counts. */
public final class Drills {

    static final Map<String, String> LISTS = Map.of("ASSIGNMENTS", "/api/v1/assignments", "RECORDS", "/api/v1/records",
            "RECTIFICATIONS", "/api/v1/rectifications", "RISKS", "/api/v1/risks", "OBLIGATIONS", "/api/v1/risk-obligations");

    private Drills() {
    }

    public static List<Map<String, Object>> figures(String user, Map<String, ?> query) {
        Response r = Api.as(user).queryParams(query).get("/api/v1/statistics");
        r.then().statusCode(200);
        return r.path("figures");
    }

    /** The figures without dims, by key. */
    @SuppressWarnings("unchecked")
    public static Map<String, Long> values(List<Map<String, Object>> figures) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map<String, Object> f : figures) {
            if (((Map<String, Object>) f.get("dims")).isEmpty()) {
                out.put((String) f.get("key"), ((Number) f.get("value")).longValue());
            }
        }
        return out;
    }

    /** Every figure's list, as the same caller, totals the figure (exactly, below the count limit). */
    @SuppressWarnings("unchecked")
    public static int checkAll(String user, List<Map<String, Object>> figures) {
        List<String> wrong = new ArrayList<>();
        for (Map<String, Object> f : figures) {
            Map<String, Object> drill = (Map<String, Object>) f.get("drill");
            Map<String, Object> query = (Map<String, Object>) drill.get("query");
            Response r = Api.as(user).queryParams(query).queryParam("limit", 1).queryParam("includeTotal", true)
                    .get(LISTS.get((String) drill.get("list")));
            long value = ((Number) f.get("value")).longValue();
            if (r.statusCode() != 200) {
                wrong.add(f.get("key") + " " + f.get("dims") + ": list answered " + r.statusCode() + " " + r.asString());
                continue;
            }
            long total = ((Number) r.path("total")).longValue();
            boolean exact = r.path("totalExact");
            if (value <= 1000 ? !(exact && total == value) : !(total == 1000 && !exact)) {
                wrong.add(f.get("key") + " " + f.get("dims") + ": figure " + value + ", list total " + total + (exact ? "" : "+"));
            }
        }
        assertThat(wrong).as("figures whose drill-down lists another number of records").isEmpty();
        return figures.size();
    }
}
