package cn.qingfeng.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import cn.qingfeng.support.Api;
import cn.qingfeng.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Every error is problem+json with a stable code and the request id; never HTML, never a stack trace. */
@QuarkusTest
class ApiConventionsTest {

    private static ValidatableResponse problem(ValidatableResponse r, int status, String code) {
        return r.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("code", equalTo(code))
                .body("requestId", notNullValue())
                .body("type", startsWith("https://"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Exception")));
    }

    @Test
    void unknownPathIsNotFound() {
        problem(Api.as("admin").get("/api/v1/no-such-thing").then(), 404, "not-found");
        problem(given().get("/api/v1/no-such-thing").then(), 404, "not-found");
    }

    @Test
    void wrongMethodIsNotAllowed() {
        problem(Api.as("admin").delete("/api/v1/me").then(), 405, "method-not-allowed");
    }

    @Test
    void unproducibleMediaTypeIsNotAcceptable() {
        problem(given().auth().oauth2(Tokens.user("admin")).accept("application/xml").get("/api/v1/me").then(),
                406, "not-acceptable");
    }

    @Test
    void wrongContentTypeIsUnsupported() {
        problem(given().auth().oauth2(Tokens.user("admin")).contentType("text/plain").body("hello")
                .post("/api/v1/units").then(), 415, "unsupported-media-type");
    }

    @Test
    void malformedJsonIsABadRequest() {
        problem(Api.as("admin").body("{\"code\": ").post("/api/v1/units").then(), 400, "malformed-json");
    }

    @Test
    void bodyLargerThanAnyUploadIsRefusedBeforeItIsRead() {
        byte[] body = new byte[22 * 1024 * 1024];
        problem(given().auth().oauth2(Tokens.user("admin")).contentType("application/octet-stream").body(body)
                .post("/api/v1/attachments").then(), 413, "payload-too-large");
    }

    @Test
    void unconvertibleQueryParametersNameTheField() {
        problem(Api.as("admin").queryParam("limit", "abc").get("/api/v1/units").then(), 400, "validation")
                .body("violations[0].field", equalTo("limit"));
        problem(Api.as("shenji").queryParam("from", "yesterday").get("/api/v1/events").then(), 400, "validation")
                .body("violations[0].field", equalTo("from"));
        problem(Api.as("admin").queryParam("kind", "NOPE").get("/api/v1/units").then(), 400, "validation")
                .body("violations[0].field", equalTo("kind"));
    }

    @Test
    void pathsOutsideTheApiAreProblemsToo() {
        problem(given().get("/").then(), 404, "not-found");
    }

    @Test
    void malformedPathParameterIsNotFound() {
        problem(Api.as("admin").get("/api/v1/units/not-a-uuid").then(), 404, "not-found");
    }

    @Test
    void everyResponseCarriesARequestIdAndEchoesAPlainOne() {
        Api.as("admin").get("/api/v1/me").then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        Api.as("admin").header("X-Request-Id", "oa-20260101-000042").get("/api/v1/me").then()
                .header("X-Request-Id", equalTo("oa-20260101-000042"));
        // Anything unplain from outside is replaced, never echoed into logs or headers.
        Api.as("admin").header("X-Request-Id", "bad id <script>").get("/api/v1/me").then()
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void corsAllowsOnlyConfiguredOrigins() {
        given().header("Origin", "http://127.0.0.1:5173").header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,if-match")
                .options("/api/v1/units").then()
                .header("Access-Control-Allow-Origin", "http://127.0.0.1:5173");
        given().header("Origin", "http://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/units").then()
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aRefusedOriginGetsAProblemNotAnEmptyAnswer() {
        problem(Api.as("admin").header("Origin", "http://evil.example").get("/api/v1/me").then(), 403, "cors.origin-not-allowed");
    }

    @Test
    void aUrlLongerThanTheApiReadsIsAProblem() {
        problem(Api.as("admin").queryParam("q", "字".repeat(2000)).get("/api/v1/tasks").then(), 414, "uri-too-long");
    }

    @Test
    void authenticatedAnswersAreNeitherSniffedNorStored() {
        for (ValidatableResponse r : java.util.List.of(Api.as("admin").get("/api/v1/me").then().statusCode(200),
                Api.as("admin").get("/api/v1/units").then().statusCode(200),
                Api.as("admin").get("/api/v1/units/not-a-uuid").then().statusCode(404))) {
            r.header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store");
        }
    }

    @Test
    void locationOfANewRecordIsThePublicUrlWhateverTheHostHeaderSays() throws Exception {
        String body = "{\"title\":\"Host 头测试\",\"category\":\"OTHER\"}";
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String request = "POST /api/v1/tasks HTTP/1.1\r\nHost: evil.example\r\nAuthorization: Bearer " + Tokens.user("jiandu")
                + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(bytes);
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            org.assertj.core.api.Assertions.assertThat(answer).startsWith("HTTP/1.1 201")
                    .containsPattern("(?i)\r\nLocation: " + java.util.regex.Pattern.quote(
                            org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("qingfeng.http.public-url", String.class))
                            + "/api/v1/tasks/[0-9a-f-]{36}\r\n")
                    .doesNotContain("evil.example");
        }
    }
}
