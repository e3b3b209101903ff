package cn.qingfeng.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real tokens from the Keycloak that `make test` starts with the committed realm: password grant
 * on the dev/test client for demo users, client credentials for the service accounts.
 */
public final class Tokens {

    public static final String KEYCLOAK = System.getenv().getOrDefault("QF_KEYCLOAK_URL", "http://127.0.0.1:8180");
    public static final String REALM = KEYCLOAK + "/realms/qingfeng";
    public static final String PASSWORD = "qingfeng";

    private record Cached(String token, Instant expires) {
    }

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** An access token of a demo user through the {@code qingfeng-dev} client. */
    public static String user(String username) {
        return cached("user:" + username, () -> passwordGrant(REALM, "qingfeng-dev", username, PASSWORD));
    }

    /** A fresh token through another public test client (e.g. the short-lived or audience-less one). */
    public static String userVia(String clientId, String username) {
        return passwordGrant(REALM, clientId, username, PASSWORD).path("access_token");
    }

    /** A service-account token (client credentials). */
    public static String service(String clientId, String secret) {
        return cached("svc:" + clientId, () -> given().formParams(Map.of(
                        "grant_type", "client_credentials", "client_id", clientId, "client_secret", secret))
                .post(REALM + "/protocol/openid-connect/token"));
    }

    /** A genuine Keycloak token of another realm (master), i.e. signed by Keycloak but from the wrong issuer. */
    public static String masterRealmAdmin() {
        return passwordGrant(KEYCLOAK + "/realms/master", "admin-cli", "admin", "admin").path("access_token");
    }

    private static Response passwordGrant(String realm, String clientId, String username, String password) {
        Response r = given().formParams(Map.of("grant_type", "password", "client_id", clientId,
                        "username", username, "password", password))
                .post(realm + "/protocol/openid-connect/token");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + username + " via " + clientId
                    + " (is it running? `scripts/keycloak.sh start`): " + r.statusCode() + " " + r.asString());
        }
        return r;
    }

    private static String cached(String key, java.util.function.Supplier<Response> fetch) {
        Cached c = CACHE.get(key);
        if (c != null && c.expires().isAfter(Instant.now().plusSeconds(30))) {
            return c.token();
        }
        Response r = fetch.get();
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + key + ": " + r.asString());
        }
        String token = r.path("access_token");
        int expiresIn = r.path("expires_in");
        CACHE.put(key, new Cached(token, Instant.now().plusSeconds(expiresIn)));
        return token;
    }
}
