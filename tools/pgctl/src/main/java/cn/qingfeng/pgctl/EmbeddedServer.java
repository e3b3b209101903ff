package cn.qingfeng.pgctl;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.io.FileUtils;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * PostgreSQL 15 from zonky's bundled binaries, on 127.0.0.1 with a data directory kept across
 * restarts. Superuser {@code postgres}, trust authentication (initdb -A trust).
 *
 * <p>zonky starts the postmaster through {@code pg_ctl start}, so the server is not a child of
 * this JVM: after a {@code kill -9} of pgctl it keeps running and keeps its postmaster.pid. The
 * next start deals with that (see {@link #clearLeftovers}).
 */
final class EmbeddedServer {

    /** zonky holds an OS file lock on this file in the data directory while it runs it. */
    private static final String ZONKY_LOCK = "epg-lock";

    private EmbeddedServer() {
    }

    static int run(Path dataDir, int port) throws Exception {
        Path dir = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        if (!clearLeftovers(dir)) {
            return 1;
        }
        removeHalfUnpackedBinaries();
        // Fail clearly instead of letting zonky's readiness probe talk to some other server.
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            System.err.println("pgctl: port 127.0.0.1:" + port + " is already in use");
            return 1;
        }

        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir.toFile())
                .setCleanDataDirectory(false) // initdb only when postgresql.conf is missing
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                // Same locale as the Debian clusters we run on; independent of the caller's LANG.
                .setLocaleConfig("locale", "C.UTF-8")
                // Crash recovery after a kill can take longer than zonky's 10 s default.
                .setPGStartupWait(Duration.ofSeconds(90))
                // initdb, pg_ctl and server output go to our stdout (the log file in scripts/pg.sh).
                .setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
                .setRegisterShutdownHook(false) // ours below also reports the stop
                .start();

        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            try {
                pg.close(); // pg_ctl stop -m fast
            } catch (IOException e) {
                System.err.println("pgctl: stop failed: " + e);
            }
            System.out.println("pgctl: stopped");
        }, "pgctl-stop"));

        // The first run unpacks the server binaries in memory; hand that heap back before idling.
        System.gc();
        System.out.println("pgctl: ready on 127.0.0.1:" + port);
        System.out.flush();

        // Block until a signal ends the JVM, or leave if the server dies under us.
        Optional<ProcessHandle> postmaster = postmasterPid(dir).filter(p -> p > 0)
                .flatMap(ProcessHandle::of);
        if (postmaster.isPresent()) {
            postmaster.get().onExit().join();
        } else {
            new java.util.concurrent.CountDownLatch(1).await();
        }
        if (stopping.get()) {
            return 0; // a signal is stopping us; the JVM halts once our hook is done
        }
        System.err.println("pgctl: postgres exited unexpectedly");
        return 1;
    }

    /**
     * Handles a postmaster.pid left behind by an earlier run. Returns false if the data directory
     * is in use by another live pgctl.
     */
    private static boolean clearLeftovers(Path dir) throws IOException, InterruptedException {
        Path pidFile = dir.resolve("postmaster.pid");
        Optional<Long> pid = postmasterPid(dir);
        if (pid.isEmpty()) {
            return true;
        }
        Optional<ProcessHandle> proc = pid.filter(p -> p > 0).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive);
        // An unknown command counts as postgres: deleting the pid file of a live server and
        // starting a second one on the same data directory would corrupt it.
        boolean isPostgres = proc.map(p -> p.info().command()
                .map(c -> Path.of(c).getFileName().toString().startsWith("postgres"))
                .orElse(true)).orElse(false);
        if (!isPostgres) {
            Files.deleteIfExists(pidFile);
            System.err.println("pgctl: removed stale postmaster.pid (pid " + pid.get() + " is not running postgres)");
            return true;
        }
        if (lockedByOtherProcess(dir)) {
            System.err.println("pgctl: " + dir + " is served by another running pgctl (postgres pid "
                    + pid.get() + "); stop that one first");
            return false;
        }
        ProcessHandle orphan = proc.get();
        System.err.println(isZombie(orphan.pid())
                // The postmaster was killed too: its backends exit within a second or so, then
                // init reaps it. Starting before that would collide with their shared memory.
                ? "pgctl: postgres pid " + orphan.pid() + " was killed, waiting for it to be reaped"
                : "pgctl: stopping orphaned postgres pid " + orphan.pid() + " left by a killed pgctl");
        // Fast shutdown, then immediate shutdown (crash recovery at the next start).
        for (String signal : List.of("INT", "QUIT")) {
            if (!isZombie(orphan.pid())) {
                // Java can only send TERM and KILL; the shell's kill builtin needs no procps.
                new ProcessBuilder("sh", "-c", "kill -" + signal + " " + orphan.pid())
                        .inheritIO().start().waitFor();
            }
            for (int i = 0; i < 300 && orphan.isAlive(); i++) {
                Thread.sleep(100);
            }
            if (!orphan.isAlive()) {
                break;
            }
        }
        if (orphan.isAlive()) {
            System.err.println("pgctl: postgres pid " + orphan.pid() + (isZombie(orphan.pid())
                    ? " is dead but not reaped; once no postgres process uses " + dir + ", delete " + pidFile
                    : " does not stop; stop it by hand"));
            return false;
        }
        Files.deleteIfExists(pidFile); // normally removed by postgres itself; gone after SIGQUIT too
        return true;
    }

    private static Optional<Long> postmasterPid(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        try {
            return lines.isEmpty() ? Optional.of(-1L) : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.of(-1L); // garbled file: treat as stale
        }
    }

    /**
     * zonky unpacks the server into java.io.tmpdir/embedded-pg/PG-&lt;md5&gt; and marks it complete
     * with a ".exists" file; a later unpack keeps files that are already there, even truncated
     * ones. So a first start interrupted while unpacking would break every later start: remove
     * such directories unless another process is unpacking into them right now.
     */
    private static void removeHalfUnpackedBinaries() throws IOException {
        Path work = Path.of(System.getProperty("ot.epg.working-dir",
                Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
        if (!Files.isDirectory(work)) {
            return;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(work, "PG-*")) {
            for (Path d : dirs) {
                if (!Files.exists(d.resolve(".exists")) && !lockedByOtherProcess(d)) {
                    System.err.println("pgctl: removing half-unpacked PostgreSQL binaries " + d);
                    FileUtils.deleteDirectory(d.toFile());
                }
            }
        }
    }

    /** Linux only: state Z in /proc/PID/stat. Elsewhere always false. */
    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 1).trim().startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean lockedByOtherProcess(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir.resolve(ZONKY_LOCK),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = ch.tryLock()) {
            return lock == null;
        }
    }
}
