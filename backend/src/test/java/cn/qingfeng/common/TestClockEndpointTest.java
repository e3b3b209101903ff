package cn.qingfeng.common;

import cn.qingfeng.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The clock-moving endpoint exists for end-to-end tests only: a normal deployment hides it. */
@QuarkusTest
class TestClockEndpointTest {

    @Test
    void clockCannotBeMovedOnANormalDeployment() {
        Api.as("admin").body(Map.of("offsetSeconds", 86400)).put("/api/v1/testing/clock")
                .then().statusCode(404).contentType("application/problem+json");
        Api.as("admin").get("/api/v1/testing/clock").then().statusCode(404);
    }

    @Test
    void onlyAnAdministratorMayAskForIt() {
        Api.as("jiandu").body(Map.of("offsetSeconds", 86400)).put("/api/v1/testing/clock").then().statusCode(403);
        Api.anonymous().get("/api/v1/testing/clock").then().statusCode(401);
    }
}
