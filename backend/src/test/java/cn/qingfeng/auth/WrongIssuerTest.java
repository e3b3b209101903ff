package cn.qingfeng.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import cn.qingfeng.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The issuer check on its own: an API that expects another issuer refuses a token that is
 * otherwise valid (right key, audience, expiry).
 */
@QuarkusTest
@TestProfile(WrongIssuerTest.ExpectsAnotherIssuer.class)
class WrongIssuerTest {

    public static class ExpectsAnotherIssuer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.token.issuer", "http://127.0.0.1:8180/realms/another-realm");
        }
    }

    @Test
    void validTokenFromAnUnexpectedIssuerIsUnauthorized() {
        given().auth().oauth2(Tokens.user("admin")).get("/api/v1/me").then()
                .statusCode(401).body("code", equalTo("unauthorized"));
    }
}
