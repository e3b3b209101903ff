package cn.qingfeng.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.qingfeng.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo data tells the seed report's story (the test profile seeds it like `make run`). */
@QuarkusTest
class DemoDataTest {

    @Test
    void theBranchHeldNineStudySessions() {
        List<Map<String, Object>> counts = Api.as("lingdao")
                .queryParam("from", LocalDate.now().minusDays(120).toString()).queryParam("to", LocalDate.now().toString())
                .queryParam("unitId", DemoOrganisation.idOf("SJ-JG-DYZB").toString())
                .get("/api/v1/tasks/record-counts").then().statusCode(200).extract().path("");
        assertThat(counts).anySatisfy(c -> {
            assertThat(c.get("category")).isEqualTo("STUDY");
            assertThat(c.get("records")).isEqualTo(9);
        });
    }

    @Test
    void theReportsProblemsAreInTheLedgerInDifferentStates() {
        List<Map<String, Object>> items = Api.as("lingdao").queryParam("limit", 200).get("/api/v1/rectifications")
                .then().statusCode(200).extract().path("items");
        assertThat(items).extracting(i -> (String) i.get("title")).anyMatch(t -> t.contains("读读念念"))
                .anyMatch(t -> t.contains("五种学习方式")).anyMatch(t -> t.contains("志愿服务"))
                .anyMatch(t -> t.contains("党员活动室")).anyMatch(t -> t.contains("涉密文件"));
        Map<String, Object> closed = items.stream().filter(i -> ((String) i.get("title")).contains("读读念念")).findFirst().orElseThrow();
        Api.as("lingdao").get("/api/v1/rectifications/{id}", closed.get("id")).then().statusCode(200)
                .body("item.status", equalTo("CLOSED")).body("closures[0].evidence.size()", equalTo(2));
        Map<String, Object> rejected = items.stream().filter(i -> ((String) i.get("title")).contains("五种学习方式")).findFirst().orElseThrow();
        assertThat(rejected.get("status")).isEqualTo("IN_PROGRESS");
        assertThat(rejected.get("rejectionReason")).asString().contains("三个月");
    }

    @Test
    void oneDemoTaskIsOverdue() {
        List<String> red = Api.as("cg_officer").queryParam("warning", "RED").get("/api/v1/assignments")
                .then().statusCode(200).extract().path("items.taskTitle");
        assertThat(red).anyMatch(t -> t.contains("五一"));
    }

    @Test
    void theSecrecyRisksShowAMissedReviewAndALateReport() {
        List<Map<String, Object>> risks = Api.as("lingdao").queryParam("limit", 200).get("/api/v1/risks")
                .then().statusCode(200).extract().path("items");
        Map<String, Object> miniProgram = risks.stream().filter(r -> ((String) r.get("name")).contains("小程序")).findFirst().orElseThrow();
        assertThat(miniProgram.get("level")).isEqualTo("MAJOR");
        assertThat(miniProgram.get("reviewWarning")).isEqualTo("RED");
        assertThat(risks).anySatisfy(r -> {
            assertThat((String) r.get("name")).contains("体教融合");
            assertThat(r.get("level")).isNull();
        });
        List<Map<String, Object>> reports = Api.as("lingdao").queryParam("kind", "REPORT").queryParam("limit", 200)
                .get("/api/v1/risk-obligations").then().statusCode(200).extract().path("items");
        assertThat(reports).extracting(o -> ((Map<?, ?>) o.get("risk")).get("name") + ":" + o.get("state"))
                .contains("违规使用图文小程序识别、传输、处理涉密文件:MET", "在互联网邮箱存储、传输涉密文件:LATE");
    }
}
