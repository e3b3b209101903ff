package cn.qingfeng.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import cn.qingfeng.integration.oa.OaUserDirectory;
import cn.qingfeng.support.Api;
import cn.qingfeng.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.http.entity.mime.HttpMultipartMode;
import org.junit.jupiter.api.Test;

/** Who a person is in the OA: kept by admins one by one or by CSV, journaled, and read by the adapters. */
@QuarkusTest
class OaUserMappingTest {

    private static final String BASE = "/api/v1/integration/oa-users";

    @Inject
    OaUserDirectory directory;

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Response importCsv(String user, String name, byte[] csv) {
        return RestAssured.given().config(RestAssured.config()
                        .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset("UTF-8"))
                        .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE)))
                .auth().oauth2(Tokens.user(user)).accept(ContentType.JSON)
                .multiPart("file", name, csv, "text/csv").post(BASE + "/import");
    }

    private static byte[] utf8(String text, boolean bom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            out.write(0xEF);
            out.write(0xBB);
            out.write(0xBF);
        }
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static List<String> actions(String login) {
        return Api.as("shenji").queryParam("entityType", "oa_user").queryParam("entityId", login)
                .get("/api/v1/events").then().statusCode(200).extract().path("items.action");
    }

    @Test
    void anAdminMapsReplacesAndRemovesALoginEachChangeJournaled() {
        String login = unique("zhang.san.");
        String user = unique("u");
        Response made = Api.as("admin").body(Map.of("username", user.toUpperCase(), "displayName", "张三"))
                .put(BASE + "/{l}", login);
        made.then().statusCode(201).header("Location", startsWith("http")).header("Location", org.hamcrest.Matchers.endsWith(BASE + "/" + login))
                .body("oaLogin", equalTo(login)).body("id", equalTo(login)).body("username", equalTo(user)).body("displayName", equalTo("张三"));
        String tag = made.header("ETag");
        assertThat(tag).isNotNull();
        Api.as("admin").get(BASE + "/{l}", login).then().statusCode(200).header("ETag", tag).body("username", equalTo(user));
        assertThat(directory.oaLoginOf(user)).contains(login);
        assertThat(directory.oaLoginOf(user.toUpperCase())).contains(login);
        assertThat(directory.usernameOf(login)).contains(user);
        assertThat(directory.usernameOf(unique("nobody."))).isEmpty();

        // Replacing needs the version it was based on.
        Map<String, String> renamed = Map.of("username", user, "displayName", "张三丰", "note", "调岗");
        Api.as("admin").body(renamed).put(BASE + "/{l}", login).then().statusCode(428).body("code", equalTo("precondition-required"));
        Api.as("admin").header("If-Match", "\"999\"").body(renamed).put(BASE + "/{l}", login).then().statusCode(412);
        String newTag = Api.as("admin").header("If-Match", tag).body(renamed).put(BASE + "/{l}", login)
                .then().statusCode(200).body("displayName", equalTo("张三丰")).body("note", equalTo("调岗")).extract().header("ETag");
        assertThat(newTag).isNotEqualTo(tag);

        // One username, one login.
        String other = unique("li.si.");
        Api.as("admin").body(Map.of("username", user)).put(BASE + "/{l}", other).then().statusCode(409)
                .body("code", equalTo("oa-user.username-taken")).body("existingOaLogin", equalTo(login));
        Api.as("admin").body(Map.of("username", "bad name")).put(BASE + "/{l}", other).then().statusCode(400);

        Api.as("admin").queryParam("q", login.substring(0, 14)).get(BASE).then().statusCode(200)
                .body("items.oaLogin", hasItem(login));
        Api.as("admin").queryParam("q", "张三丰").get(BASE).then().statusCode(200).body("items.oaLogin", hasItem(login));

        Api.as("admin").header("If-Match", tag).delete(BASE + "/{l}", login).then().statusCode(412);
        Api.as("admin").delete(BASE + "/{l}", login).then().statusCode(204);
        Api.as("admin").get(BASE + "/{l}", login).then().statusCode(404);
        Api.as("admin").delete(BASE + "/{l}", login).then().statusCode(404);
        assertThat(directory.oaLoginOf(user)).isEmpty();
        assertThat(actions(login)).containsExactlyInAnyOrder("oa_user.created", "oa_user.updated", "oa_user.deleted");
    }

    @Test
    void aGoodCsvIsImportedWholeWithOrWithoutBom() {
        String a = unique("imp.a.");
        String b = unique("imp.b.");
        String userA = unique("ua");
        String userB = unique("ub");
        Api.as("admin").body(Map.of("username", userA, "displayName", "旧名")).put(BASE + "/{l}", a).then().statusCode(201);
        String csv = "oaLogin,username,displayName\r\n" + a + "," + userA + ",王五\r\n" + b + "," + userB.toUpperCase() + ",赵六\r\n\r\n";
        importCsv("admin", "OA账号.csv", utf8(csv, true)).then().statusCode(200)
                .body("lines", equalTo(2)).body("created", equalTo(1)).body("updated", equalTo(1)).body("unchanged", equalTo(0));
        assertThat(directory.usernameOf(b)).contains(userB);
        Api.as("admin").get(BASE + "/{l}", a).then().body("displayName", equalTo("王五"));
        // The same file again changes nothing; a file without BOM and with the columns in another order reads the same.
        importCsv("admin", "OA账号.csv", utf8(csv, false)).then().statusCode(200).body("unchanged", equalTo(2));
        importCsv("admin", "x.CSV", utf8("username,oaLogin\n" + userA + "," + a + "\n", false)).then().statusCode(200)
                .body("updated", equalTo(1));
        // Two logins may swap their usernames in one file.
        importCsv("admin", "swap.csv", utf8("oaLogin,username\n" + a + "," + userB + "\n" + b + "," + userA + "\n", false))
                .then().statusCode(200).body("updated", equalTo(2));
        assertThat(directory.usernameOf(a)).contains(userB);
        assertThat(directory.usernameOf(b)).contains(userA);
        assertThat(actions(b)).containsExactlyInAnyOrder("oa_user.created", "oa_user.updated");
    }

    @Test
    void aCsvWithBadLinesIsRefusedWholeNamingEachLine() {
        String good = unique("good.");
        String taken = unique("taken.");
        String takenUser = unique("ut");
        Api.as("admin").body(Map.of("username", takenUser)).put(BASE + "/{l}", taken).then().statusCode(201);
        String csv = "oaLogin,username,displayName\n"
                + good + "," + unique("ug") + ",好人\n"          // line 2: fine
                + "has space," + unique("ux") + ",空格\n"         // line 3: a login with a space
                + unique("bad.") + ",not a name,名\n"            // line 4: a username Keycloak would not have
                + good + "," + unique("uy") + ",重复\n"          // line 5: the same login twice
                + unique("dup.") + "," + takenUser + ",撞名\n";  // line 6: a username mapped already
        Response refused = importCsv("admin", "bad.csv", utf8(csv, true));
        refused.then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("code", equalTo("oa-user.import-rejected")).body("lines", equalTo(5));
        List<Integer> lines = refused.path("problems.line");
        List<String> fields = refused.path("problems.field");
        assertThat(lines).containsExactly(3, 4, 5, 6);
        assertThat(fields).containsExactly("oaLogin", "username", "oaLogin", "username");
        assertThat(refused.<String>path("problems[3].message")).contains(taken);
        assertThat(directory.usernameOf(good)).as("nothing of a refused file is written").isEmpty();

        importCsv("admin", "gbk.csv", ("oaLogin,username,displayName\n" + unique("g.") + ",ug,张三\n").getBytes(Charset.forName("GB18030")))
                .then().statusCode(422).body("code", equalTo("oa-user.import-not-utf8"));
        importCsv("admin", "header.csv", utf8("login,user\nx,y\n", false)).then().statusCode(422)
                .body("problems[0].line", equalTo(1)).body("problems[0].field", equalTo("file"));
        importCsv("admin", "empty.csv", utf8("", false)).then().statusCode(422);
        importCsv("admin", "people.xlsx", utf8("oaLogin,username\n", false)).then().statusCode(400);
    }

    @Test
    void onlyAdminsKeepTheMapping() {
        String login = unique("nope.");
        for (String user : List.of("jiandu", "lingdao", "cg_officer", "shenji")) {
            Api.as(user).get(BASE).then().statusCode(403).body("code", equalTo("forbidden"));
            Api.as(user).body(Map.of("username", "x")).put(BASE + "/{l}", login).then().statusCode(403);
            Api.as(user).delete(BASE + "/{l}", login).then().statusCode(403);
            importCsv(user, "a.csv", utf8("oaLogin,username\n" + login + ",x\n", false)).then().statusCode(403);
        }
        Api.asOa().get(BASE).then().statusCode(403);
        Api.asOa().contentType(ContentType.JSON).body(Map.of("username", "x")).put(BASE + "/{l}", login).then().statusCode(403);
        assertThat(directory.usernameOf(login)).isEmpty();
    }
}
