import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The API's image with Jib, from scratch: a runtime layer (a jlink'd Java and the C libraries it
 * links, prepared by scripts/image.sh) and Quarkus' fast-jar in two layers (dependencies, which
 * rarely change, then the application), written as an OCI tar. No daemon, no registry: a base
 * image would have to come from a registry this machine cannot reach, so the build supplies its own.
 *
 * <p>Usage: java -cp CP BuildImage RUNTIME_DIR QUARKUS_APP_DIR OUT_TAR IMAGE_NAME
 */
public class BuildImage {
    static final AbsoluteUnixPath DEPLOYMENTS = AbsoluteUnixPath.get("/deployments");
    // The reproducible-build convention: every file dated the epoch + 1 s, so equal inputs give equal layers.
    static final Instant MTIME = Instant.ofEpochSecond(1);
    static final String USER = "185";

    public static void main(String[] args) throws Exception {
        Path runtime = Path.of(args[0]);
        Path app = Path.of(args[1]);
        Path out = Path.of(args[2]);
        String name = args[3];

        JibContainerBuilder builder = Jib.fromScratch()
                .setFormat(ImageFormat.OCI)
                .addFileEntriesLayer(tree("runtime", runtime, AbsoluteUnixPath.get("/"), "0:0"))
                .addFileEntriesLayer(tree("dependencies", app.resolve("lib"), DEPLOYMENTS.resolve("lib"), "0:0"))
                .addFileEntriesLayer(application(app))
                .setEntrypoint(List.of("/opt/java/bin/java", "-jar", "/deployments/quarkus-run.jar"))
                .setEnvironment(environment())
                .setExposedPorts(Set.of(Port.tcp(8080), Port.tcp(9000)))
                .setWorkingDirectory(DEPLOYMENTS)
                .setUser(USER)
                .setCreationTime(MTIME)
                .addLabel("org.opencontainers.image.title", "qingfeng-api");
        Files.createDirectories(out.toAbsolutePath().getParent());
        JibContainer container = builder.containerize(Containerizer.to(TarImage.at(out).named(name))
                .addEventHandler(LogEvent.class, e -> {
                    if (e.getLevel() == LogEvent.Level.ERROR || e.getLevel() == LogEvent.Level.WARN) {
                        System.err.println("jib: " + e.getMessage());
                    }
                }));
        System.out.println(name + " " + container.getDigest() + " " + out);
    }

    static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("LANG", "C.UTF-8");
        env.put("JAVA_HOME", "/opt/java");
        // Read by the java launcher itself, so a deployment can replace it (the Kubernetes manifest
        // sets the same): the heap at half the container's memory limit, and no limping on after an OOM.
        env.put("JDK_JAVA_OPTIONS", "-XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError");
        // In a container the ports are what the orchestrator publishes: listen on every interface.
        env.put("QF_HTTP_HOST", "0.0.0.0");
        env.put("QF_MANAGEMENT_HOST", "0.0.0.0");
        return env;
    }

    /** quarkus-run.jar, app/ and quarkus/: what changes with every build, on top. */
    static FileEntriesLayer application(Path app) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("application");
        for (String part : List.of("quarkus-run.jar", "app", "quarkus", "quarkus-app-dependencies.txt")) {
            Path source = app.resolve(part);
            if (Files.exists(source)) {
                addTree(layer, source, DEPLOYMENTS.resolve(part), "0:0");
            }
        }
        return layer.build();
    }

    static FileEntriesLayer tree(String name, Path source, AbsoluteUnixPath target, String owner) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
        addTree(layer, source, target, owner);
        return layer.build();
    }

    /** Every file and directory under source, in a stable order, with its own permission bits. */
    static void addTree(FileEntriesLayer.Builder layer, Path source, AbsoluteUnixPath target, String owner) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(source)) {
            walk.sorted().forEach(paths::add);
        }
        for (Path path : paths) {
            Path relative = source.relativize(path);
            AbsoluteUnixPath to = relative.toString().isEmpty() ? target : target.resolve(relative.toString().replace('\\', '/'));
            if (to.toString().equals("/")) {
                continue;
            }
            layer.addEntry(new FileEntry(path, to, permissions(path), MTIME, owner));
        }
    }

    static FilePermissions permissions(Path path) {
        try {
            return FilePermissions.fromPosixFilePermissions(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
