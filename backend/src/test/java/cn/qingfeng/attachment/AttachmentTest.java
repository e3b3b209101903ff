package cn.qingfeng.attachment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import cn.qingfeng.support.Api;
import cn.qingfeng.support.DemoUnits;
import cn.qingfeng.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import org.apache.http.entity.mime.HttpMultipartMode;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Evidence files: size and type checked on the bytes, hashed, and readable only within the owner's scope. */
@QuarkusTest
class AttachmentTest {

    static byte[] pdf(String text) {
        return ("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] docx() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    static Response upload(String user, UUID owner, String filename, byte[] bytes) {
        // Browsers send the file name in UTF-8; so does this client.
        return given().config(RestAssured.config().multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset("UTF-8"))
                        .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE)))
                .auth().oauth2(Tokens.user(user)).accept("application/json")
                .multiPart("ownerType", "UNIT")
                .multiPart("ownerId", owner.toString())
                .multiPart("file", filename, bytes, "application/octet-stream")
                .post("/api/v1/attachments");
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void uploadReturnsTheHashAndTheSniffedTypeAndDownloadGivesTheSameBytes() throws Exception {
        byte[] bytes = pdf("责任书 " + UUID.randomUUID());
        String name = "2023年度党风廉政建设责任书.pdf";
        Response r = upload("cg_officer", DemoUnits.VENUES, name, bytes);
        r.then().statusCode(201)
                .body("sha256", equalTo(sha256(bytes)))
                .body("contentType", equalTo("application/pdf"))
                .body("sizeBytes", equalTo(bytes.length))
                .body("filename", equalTo(name))
                .body("uploadedByName", equalTo("刘洋"));
        String id = r.path("id");

        Response download = given().auth().oauth2(Tokens.user("jiandu")).get("/api/v1/attachments/{id}/content", id);
        download.then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", startsWith("attachment; filename=\""))
                .header("Content-Disposition", containsString("filename*=UTF-8''2023%E5%B9%B4"))
                .header("X-Content-Type-Options", "nosniff")
                // Evidence is behind a token: no shared or browser cache keeps a copy.
                .header("Cache-Control", "no-store");
        assertThat(download.asByteArray()).isEqualTo(bytes);

        List<String> ids = Api.as("cg_officer").queryParam("ownerType", "UNIT").queryParam("ownerId", DemoUnits.VENUES.toString())
                .get("/api/v1/attachments").then().statusCode(200).extract().path("items.id");
        assertThat(ids).contains(id);
        List<String> actions = Api.as("shenji").queryParam("entityId", DemoUnits.VENUES.toString())
                .queryParam("action", "attachment.added").get("/api/v1/events").then().extract().path("items.changes.attachmentId.after");
        assertThat(actions).contains(id);
    }

    @Test
    void officeFormatsAreToldApartByTheirContent() throws Exception {
        upload("cg_officer", DemoUnits.VENUES, "整改方案.docx", docx()).then().statusCode(201)
                .body("contentType", equalTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    }

    @Test
    void oversizeFileIsRefusedWith413() {
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(pdf("big"), 0, big, 0, 8);
        upload("cg_officer", DemoUnits.VENUES, "big.pdf", big).then().statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("attachment.too-large"))
                .body("maxBytes", equalTo(20 * 1024 * 1024));
    }

    @Test
    void executableRenamedToPdfIsRefusedWith415() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        upload("cg_officer", DemoUnits.VENUES, "通知.pdf", exe).then().statusCode(415)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("attachment.type-not-allowed"));
    }

    @Test
    void fileWhoseNameLiesAboutItsTypeIsRefused() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0};
        upload("cg_officer", DemoUnits.VENUES, "照片.pdf", png).then().statusCode(415)
                .body("code", equalTo("attachment.type-mismatch")).body("detectedType", equalTo("png"));
    }

    @Test
    void someoneOutOfScopeGetsNotFound() {
        String id = upload("cg_officer", DemoUnits.VENUES, "a.pdf", pdf("scope")).then().statusCode(201).extract().path("id");
        Api.as("xx_officer").get("/api/v1/attachments/{id}", id).then().statusCode(404).body("code", equalTo("not-found"));
        given().auth().oauth2(Tokens.user("xx_officer")).get("/api/v1/attachments/{id}/content", id).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        Api.as("xx_officer").queryParam("ownerType", "UNIT").queryParam("ownerId", DemoUnits.VENUES.toString())
                .get("/api/v1/attachments").then().statusCode(404);
        upload("xx_officer", DemoUnits.VENUES, "b.pdf", pdf("intrusion")).then().statusCode(404);
        // The branch's viewer sees the branch's files, not the centre's.
        String branchFile = upload("cg_officer", DemoUnits.VENUES_BRANCH, "c.pdf", pdf("branch")).then().statusCode(201).extract().path("id");
        Api.as("cg_viewer").get("/api/v1/attachments/{id}", branchFile).then().statusCode(200);
        Api.as("cg_viewer").get("/api/v1/attachments/{id}", id).then().statusCode(404);
    }

    @Test
    void viewerCannotUpload() {
        upload("cg_viewer", DemoUnits.VENUES_BRANCH, "d.pdf", pdf("viewer")).then().statusCode(403);
    }

    @Test
    void withdrawnFileStaysOnRecordWithItsReason() {
        String id = upload("cg_officer", DemoUnits.VENUES, "e.pdf", pdf("withdraw")).then().statusCode(201).extract().path("id");
        String etag = Api.as("cg_officer").get("/api/v1/attachments/{id}", id).then().extract().header("ETag");
        Api.as("cg_officer").body(Map.of("reason", "传错了")).post("/api/v1/attachments/{id}/removal", id)
                .then().statusCode(428);
        Api.as("cg_officer").header("If-Match", etag).body(Map.of("reason", "传错了"))
                .post("/api/v1/attachments/{id}/removal", id).then().statusCode(200)
                .body("removedReason", equalTo("传错了"));
        List<String> visible = Api.as("cg_officer").queryParam("ownerType", "UNIT").queryParam("ownerId", DemoUnits.VENUES.toString())
                .queryParam("limit", 200).get("/api/v1/attachments").then().extract().path("items.id");
        List<String> all = Api.as("cg_officer").queryParam("ownerType", "UNIT").queryParam("ownerId", DemoUnits.VENUES.toString())
                .queryParam("includeRemoved", true).queryParam("limit", 200).get("/api/v1/attachments").then().extract().path("items.id");
        assertThat(visible).doesNotContain(id);
        assertThat(all).contains(id);
    }

    @Test
    void missingFileAndUnknownOwnerTypeAreValidationErrors() {
        given().auth().oauth2(Tokens.user("cg_officer")).multiPart("ownerType", "UNIT")
                .multiPart("ownerId", DemoUnits.VENUES.toString()).post("/api/v1/attachments")
                .then().statusCode(400).body("violations[0].field", equalTo("file"));
        given().auth().oauth2(Tokens.user("cg_officer")).multiPart("ownerType", "SPACESHIP")
                .multiPart("ownerId", DemoUnits.VENUES.toString()).multiPart("file", "x.pdf", pdf("x"))
                .post("/api/v1/attachments").then().statusCode(400).body("violations[0].field", equalTo("ownerType"));
    }
}
