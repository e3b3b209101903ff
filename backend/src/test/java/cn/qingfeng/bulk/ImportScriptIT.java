package cn.qingfeng.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.support.AppProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** scripts/import.sh against the packaged backend: counts per file, the same folder twice changes nothing, a bad row fails it. */
class ImportScriptIT {

    private static final int PORT = 8096;
    private Process app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroy();
        }
    }

    private static Run script(Path dir, String... options) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", "../scripts/import.sh", "--ledger", "risks"));
        cmd.addAll(List.of(options));
        cmd.add(dir.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("QF_API_URL", "http://127.0.0.1:" + PORT);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    private record Run(int exit, String output) {
    }

    @Test
    void aFolderImportsOnceAndABadRowFailsTheRun() throws Exception {
        Path dir = Files.createTempDirectory("qingfeng-script-it");
        app = AppProcess.start(PORT, dir.resolve("app.log"), List.of());
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Path good = Files.createDirectories(dir.resolve("good"));
        Files.writeString(good.resolve("风险甲.csv"), "风险名称,风险类别,责任单位\r\n脚本风险一" + tag + ",廉政,办公室\r\n脚本风险二" + tag + ",保密,体育运动学校\r\n");
        Files.writeString(good.resolve("风险乙.csv"), "风险名称,风险类别,责任单位\r\n脚本风险三" + tag + ",作风,办公室\r\n");

        Run first = script(good, "--conflict", "UPDATE");
        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(first.output()).contains("风险甲.csv: COMMITTED — created 2").contains("风险乙.csv: COMMITTED — created 1");
        Run again = script(good, "--conflict", "UPDATE");
        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(again.output()).contains("created 0, updated 0, unchanged 2").contains("created 0, updated 0, unchanged 1");

        Path bad = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(bad.resolve("坏.csv"), "风险名称,风险类别,责任单位\r\n脚本坏行" + tag + ",不存在的类别,办公室\r\n");
        Run refused = script(bad);
        assertThat(refused.exit()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains("第2行 风险类别").contains("not committed");
    }
}
