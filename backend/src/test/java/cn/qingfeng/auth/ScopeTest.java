package cn.qingfeng.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.qingfeng.support.Api;
import cn.qingfeng.support.DemoUnits;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Data scope: unit officers and viewers see their unit and the units below it, nothing else. */
@QuarkusTest
class ScopeTest {

    @Test
    void unitOfficerSeesOnlyOwnSubtreeInMe() {
        List<String> codes = Api.as("cg_officer").get("/api/v1/me").then().statusCode(200)
                .body("scope.all", equalTo(false))
                .extract().path("scope.units.code");
        assertThat(codes).containsExactlyInAnyOrder("SJ-CGZX", "SJ-CGZX-DZB");
    }

    @Test
    void unitOfficerListsOnlyOwnSubtree() {
        List<String> codes = Api.as("xx_officer").get("/api/v1/units?limit=200").then().statusCode(200)
                .extract().path("items.code");
        assertThat(codes).containsExactlyInAnyOrder("SJ-YDXX", "SJ-YDXX-DZB");
        List<String> roots = Api.as("xx_officer").get("/api/v1/units/tree").then().statusCode(200)
                .extract().path("code");
        assertThat(roots).containsExactly("SJ-YDXX");
    }

    @Test
    void viewerOfBranchSeesOnlyTheBranch() {
        List<String> codes = Api.as("cg_viewer").get("/api/v1/units").then().statusCode(200).extract().path("items.code");
        assertThat(codes).containsExactly("SJ-CGZX-DZB");
    }

    @Test
    void unitOfficerGetsNotFoundForAnotherUnit() {
        Api.as("cg_officer").get("/api/v1/units/{id}", DemoUnits.SCHOOL).then().statusCode(404)
                .body("code", equalTo("not-found"));
        Api.as("cg_officer").get("/api/v1/units/{id}", DemoUnits.VENUES_BRANCH).then().statusCode(200);
    }

    @Test
    void importerPersonGetsNoWiderScopeThanTheServiceAccount() {
        // daoru is a person with the importer role and a unit: no bureau-wide reading from that role.
        Api.as("daoru").get("/api/v1/me").then().statusCode(200)
                .body("scope.all", equalTo(false)).body("scope.units.size()", equalTo(0));
        Api.as("daoru").get("/api/v1/units/{id}", DemoUnits.SCHOOL).then().statusCode(404);
        Api.asOa().get("/api/v1/units/{id}", DemoUnits.SCHOOL).then().statusCode(200);
    }

    @Test
    void supervisorAndLeaderSeeEveryUnit() {
        for (String user : List.of("jiandu", "lingdao", "shenji", "admin")) {
            Api.as(user).get("/api/v1/me").then().statusCode(200).body("scope.all", equalTo(true));
            Api.as(user).get("/api/v1/units/{id}", DemoUnits.SCHOOL).then().statusCode(200);
        }
    }
}
