package cn.qingfeng.bulk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.support.AppProcess;
import cn.qingfeng.support.Tokens;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged backend killed with SIGKILL in the middle of a commit: nothing of the import is
 * in the ledger, and the next start picks the job up again (attempt 2) and commits it whole.
 * Runs the real jar as a process of its own, on the test database, after the unit suites.
 */
class ImportKillIT {

    private static final int PORT = 8097;
    private static final String BASE = "http://127.0.0.1:" + PORT;
    private static final int ROWS = 300;
    private static final int HOLD_AT = 120;
    private static final String DB = AppProcess.DB;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(Process::destroyForcibly);
    }

    private Process start(Path log, Path holdFile) throws Exception {
        Process p = AppProcess.start(PORT, log, List.of("-Dqingfeng.imports.hold-at-row=" + HOLD_AT, "-Dqingfeng.imports.hold-file=" + holdFile));
        started.add(p);
        return p;
    }

    private static void waitFor(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        AppProcess.waitFor(what, condition);
    }

    private static RequestSpecification api() {
        return given().baseUri(BASE).auth().oauth2(Tokens.user("jiandu")).accept("application/json");
    }

    private static JsonPath job(String id) {
        return api().get("/api/v1/imports/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    private static int tasksTagged(String tag) throws Exception {
        try (Connection c = DriverManager.getConnection(DB, "qingfeng_owner", "qingfeng_owner");
             PreparedStatement s = c.prepareStatement("select count(*) from task where external_ref like ?")) {
            s.setString(1, "KILL-" + tag + "-%");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    @Test
    void aBackendKilledMidCommitLeavesNothingAndTheJobResumesAfterRestart() throws Exception {
        Path dir = Files.createTempDirectory("qingfeng-kill-it");
        Path hold = dir.resolve("hold");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("任务标题,任务类别,外部编号\r\n");
        for (int i = 1; i <= ROWS; i++) {
            csv.append("断电测试任务").append(i).append('-').append(tag).append(",专题培训,KILL-").append(tag).append('-').append(i).append("\r\n");
        }
        File file = dir.resolve("tasks.csv").toFile();
        Files.writeString(file.toPath(), csv);

        Process first = start(dir.resolve("first.log"), hold);
        String id = api().multiPart("ledger", "tasks").multiPart("file", file, "text/csv").post("/api/v1/imports")
                .then().statusCode(202).extract().path("id");
        waitFor("the dry run is done", () -> job(id).getString("status").equals("VALIDATED"));
        assertThat(job(id).getInt("counts.valid")).isEqualTo(ROWS);
        Files.writeString(hold, "hold");
        api().contentType("application/json").body(Map.of("validRowsOnly", false)).post("/api/v1/imports/{id}/commit", id)
                .then().statusCode(202);
        waitFor("the commit has written " + (HOLD_AT - 1) + " records in its transaction",
                () -> job(id).getInt("progress.processed") == HOLD_AT - 1);

        first.destroyForcibly();
        assertThat(first.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(tasksTagged(tag)).as("records of the killed import").isZero();

        Files.deleteIfExists(hold);
        start(dir.resolve("second.log"), hold);
        waitFor("the job is committed after restart", () -> job(id).getString("status").equals("COMMITTED"));
        JsonPath done = job(id);
        assertThat(done.getInt("counts.created")).isEqualTo(ROWS);
        assertThat(done.getInt("progress.attempt")).as("the interrupted run counted").isEqualTo(2);
        assertThat(tasksTagged(tag)).isEqualTo(ROWS);
    }
}
