package cn.qingfeng.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.qingfeng.support.Tokens;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Tokens an attacker crafts from a genuine one: each must be refused with 401 problem+json, on a
 * read and on a write, while the genuine token they were made from is let in. Complements
 * {@link AuthenticationTest} (none, garbage, expired, no audience, another realm).
 */
@QuarkusTest
class TokenAttackTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static HttpServer jkuServer;
    private static KeyPair ownKey;

    @BeforeAll
    static void ownKeyServedAsJwks() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        ownKey = gen.generateKeyPair();
        RsaJsonWebKey jwk = (RsaJsonWebKey) PublicJsonWebKey.Factory.newPublicJwk(ownKey.getPublic());
        jwk.setKeyId("attacker");
        byte[] jwks = ("{\"keys\":[" + jwk.toJson() + "]}").getBytes(StandardCharsets.UTF_8);
        jkuServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jkuServer.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        jkuServer.start();
    }

    @AfterAll
    static void stop() {
        jkuServer.stop(0);
    }

    private static Map<String, Object> grant() {
        return given().formParams(Map.of("grant_type", "password", "client_id", "qingfeng-dev",
                        "username", "cg_officer", "password", Tokens.PASSWORD, "scope", "openid"))
                .post(Tokens.REALM + "/protocol/openid-connect/token").then().statusCode(200)
                .extract().jsonPath().getMap("");
    }

    private static String part(String token, int i) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[i]), StandardCharsets.UTF_8);
    }

    private static String enc(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The genuine header and signature around a payload changed by {@code edit}. */
    private static String tampered(String token, String from, String to) {
        String payload = part(token, 1);
        if (!payload.contains(from)) {
            throw new IllegalStateException("the token no longer carries " + from + ": " + payload);
        }
        String[] parts = token.split("\\.");
        return parts[0] + "." + enc(payload.replace(from, to)) + "." + parts[2];
    }

    private static String signed(String payload, String alg, java.security.Key key, Map<String, Object> headers) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(payload);
            jws.setAlgorithmHeaderValue(alg);
            headers.forEach(jws::setHeader);
            jws.setKey(key);
            jws.setDoKeyValidation(false);
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicKey realmKey() throws Exception {
        JsonPath jwks = given().get(Tokens.REALM + "/protocol/openid-connect/certs").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, String>> keys = jwks.getList("keys");
        Map<String, String> rsa = keys.stream().filter(k -> "RS256".equals(k.get("alg"))).findFirst().orElseThrow();
        Base64.Decoder d = Base64.getUrlDecoder();
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, d.decode(rsa.get("n"))), new BigInteger(1, d.decode(rsa.get("e")))));
    }

    private record Attack(String name, Supplier<String> token) {
    }

    private static List<Attack> attacks(Map<String, Object> grant) {
        String access = (String) grant.get("access_token");
        String payload = part(access, 1);
        String kid = part(access, 0).replaceAll(".*\"kid\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        return List.of(
                new Attack("alg none", () -> enc("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + enc(payload) + "."),
                new Attack("alg none, kid kept", () -> enc("{\"alg\":\"none\",\"kid\":\"" + kid + "\"}") + "." + enc(payload) + "."),
                new Attack("HS256 keyed with the realm's public key", () -> {
                    try {
                        return signed(payload, AlgorithmIdentifiers.HMAC_SHA256, new HmacKey(realmKey().getEncoded()),
                                Map.of("kid", kid));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }),
                new Attack("payload: another unit", () -> tampered(access, "\"unit\":\"SJ-CGZX\"", "\"unit\":\"SJ\"")),
                new Attack("payload: admin role", () -> tampered(access, "\"roles\":[\"unit_officer\"]", "\"roles\":[\"unit_officer\",\"admin\"]")),
                new Attack("payload: later expiry", () -> tampered(access, "\"exp\":", "\"exp\":4102444800,\"x\":")),
                new Attack("own key, embedded jwk", () -> {
                    try {
                        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(ownKey.getPublic());
                        return signed(payload, AlgorithmIdentifiers.RSA_USING_SHA256, ownKey.getPrivate(),
                                Map.of("jwk", jwk.toParams(org.jose4j.jwk.JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }),
                new Attack("own key, jku to the attacker's JWKS", () -> signed(payload, AlgorithmIdentifiers.RSA_USING_SHA256,
                        ownKey.getPrivate(), Map.of("kid", "attacker",
                                "jku", "http://127.0.0.1:" + jkuServer.getAddress().getPort() + "/jwks"))),
                new Attack("own key, realm's kid", () -> signed(payload, AlgorithmIdentifiers.RSA_USING_SHA256,
                        ownKey.getPrivate(), Map.of("kid", kid))),
                new Attack("ID token", () -> (String) grant.get("id_token")),
                new Attack("refresh token", () -> (String) grant.get("refresh_token")),
                new Attack("signature stripped", () -> access.substring(0, access.lastIndexOf('.') + 1)),
                new Attack("two tokens in one header", () -> access + " " + access));
    }

    @Test
    void theGenuineTokenTheAttacksStartFromIsLetIn() {
        String access = (String) grant().get("access_token");
        given().auth().oauth2(access).get("/api/v1/me").then().statusCode(200).body("unit.code", equalTo("SJ-CGZX"));
    }

    @TestFactory
    Stream<DynamicTest> everyCraftedTokenIsUnauthorized() {
        Map<String, Object> grant = grant();
        return attacks(grant).stream().map(a -> DynamicTest.dynamicTest(a.name(), () -> {
            String token = a.token().get();
            given().auth().oauth2(token).get("/api/v1/me").then()
                    .statusCode(401).contentType(startsWith("application/problem+json")).body("code", equalTo("unauthorized"));
            int status = given().auth().oauth2(token).contentType("application/json")
                    .body("{\"title\":\"令牌攻击\",\"category\":\"OTHER\"}").post("/api/v1/tasks").then()
                    .contentType(startsWith("application/problem+json")).extract().statusCode();
            assertEquals(401, status, a.name() + " on a write");
        }));
    }
}
