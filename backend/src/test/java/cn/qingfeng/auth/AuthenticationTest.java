package cn.qingfeng.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import cn.qingfeng.support.Api;
import cn.qingfeng.support.DemoUnits;
import cn.qingfeng.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

/** Bearer tokens from the real Keycloak with the committed realm: which are let in, which are not. */
@QuarkusTest
class AuthenticationTest {

    private static ValidatableResponse problem(ValidatableResponse r, int status, String code) {
        return r.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("code", equalTo(code));
    }

    private static ValidatableResponse me(String token) {
        return given().auth().oauth2(token).get("/api/v1/me").then();
    }

    @Test
    void requestWithoutTokenIsUnauthorized() {
        problem(given().get("/api/v1/me").then(), 401, "unauthorized")
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void garbageTokenIsUnauthorized() {
        problem(me("not-a-jwt"), 401, "unauthorized");
    }

    @Test
    void expiredTokenIsUnauthorized() throws InterruptedException {
        // qingfeng-test-expiring issues tokens that live 2 s.
        String token = Tokens.userVia("qingfeng-test-expiring", "cg_officer");
        Thread.sleep(3_500);
        problem(me(token), 401, "unauthorized");
    }

    @Test
    void tokenSignedWithAnotherKeyIsUnauthorized() throws Exception {
        String real = Tokens.user("admin");
        String[] parts = real.split("\\.");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        // Same kid as Keycloak's key, so only the signature itself can give it away.
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        jws.setKeyIdHeaderValue(header.replaceAll(".*\"kid\"\\s*:\\s*\"([^\"]+)\".*", "$1"));
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        jws.setKey(gen.generateKeyPair().getPrivate());
        problem(me(jws.getCompactSerialization()), 401, "unauthorized");
    }

    @Test
    void tokenWithoutApiAudienceIsUnauthorized() {
        problem(me(Tokens.userVia("qingfeng-test-noaud", "cg_officer")), 401, "unauthorized");
    }

    @Test
    void tokenFromAnotherIssuerIsUnauthorized() {
        problem(me(Tokens.masterRealmAdmin()), 401, "unauthorized");
    }

    @Test
    void rightTokenWrongRoleIsForbidden() {
        problem(Api.as("cg_viewer").get("/api/v1/events").then(), 403, "forbidden");
        // A record's role check follows its scope: the officer's own unit (a random id would be 404).
        problem(Api.as("cg_officer").post("/api/v1/units/{id}/activate", DemoUnits.VENUES).then(), 403, "forbidden");
    }

    @Test
    void rightRoleIsAllowed() {
        Api.as("shenji").get("/api/v1/events").then().statusCode(200).body("items.size()", org.hamcrest.Matchers.greaterThan(0));
        Api.as("cg_officer").get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo("cg_officer"))
                .body("displayName", equalTo("刘洋"))
                .body("unit.code", equalTo("SJ-CGZX"))
                .body("roles", hasItem("unit_officer"))
                .body("client", equalTo("API"));
    }

    @Test
    void oaServiceAccountTokenWorks() {
        Api.asOa().get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo("service-account-oa-system"))
                .body("roles", hasItem("integration"))
                .body("client", equalTo("OA"))
                .body("scope.all", equalTo(true));
    }
}
