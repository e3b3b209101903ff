package cn.qingfeng.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The packaged backend as a process of its own (for the *IT tests), on the test database. */
public final class AppProcess {

    public static final String DB = System.getenv().getOrDefault("QF_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/qingfeng_test");

    private AppProcess() {
    }

    /**
     * Starts the jar on the port (management on port + 920) with extra -D settings; waits until it is
     * ready. The task and risk schedulers are off unless a setting turns them on: a setting replaces
     * the default of the same name rather than relying on the JVM's "last -D wins".
     */
    public static Process start(int port, Path log, List<String> settings) throws Exception {
        return start(DB, port, log, settings);
    }

    /** {@link #start(int, Path, List)} on another database of the test server. */
    public static Process start(String db, int port, Path log, List<String> settings) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.port", String.valueOf(port));
        properties.put("quarkus.management.port", String.valueOf(port + 920));
        properties.put("qingfeng.imports.poll-interval", "200ms");
        properties.put("qingfeng.tasks.scheduler-interval", "off");
        properties.put("qingfeng.risks.scheduler-interval", "off");
        List<String> others = new ArrayList<>();
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (s.startsWith("-D") && eq > 2) {
                properties.put(s.substring(2, eq), s.substring(eq + 1));
            } else {
                others.add(s);
            }
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(others);
        cmd.addAll(List.of("-jar", System.getProperty("qingfeng.app.jar", "target/quarkus-app/quarkus-run.jar")));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("QF_DB_URL", db);
        pb.environment().put("QF_DEMO_DATA", "true");
        pb.environment().put("QF_CURSOR_SECRET", "app-process-test-cursor-secret");
        Process p = pb.start();
        try {
            waitFor("the backend is ready (log: " + log + ")", () -> ready(port + 920) || !p.isAlive());
            assertThat(p.isAlive()).as("backend started, see " + log).isTrue();
        } catch (AssertionError | RuntimeException e) {
            // A backend that never got ready must not outlive the test and hold its port.
            p.destroyForcibly();
            throw e;
        }
        return p;
    }

    private static boolean ready(int managementPort) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready").toURL().openConnection();
            c.setConnectTimeout(500);
            return c.getResponseCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    /** Waits for a condition, bounded so that a hang fails. */
    public static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        Instant give = Instant.now().plus(Duration.ofMinutes(3));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting until " + what).isBefore(give);
            Thread.sleep(100);
        }
    }
}
