package cn.qingfeng.pgctl;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Developer tool for Qingfeng's PostgreSQL, usable on a machine without psql or a server:
 *
 * <pre>
 *   embedded  --data DIR --port PORT                     run PostgreSQL 15 until SIGINT/SIGTERM
 *   bootstrap --url JDBC_URL [--user U] [--password P] [--database NAME]...
 *   wait      --url JDBC_URL [--user U] [--password P] [--timeout SECONDS]
 *   sql       --url JDBC_URL [--user U] [--password P] --file FILE [--set NAME=VALUE]...
 * </pre>
 *
 * Exit codes: 0 ok, 1 failure (wait timed out, server failed), 2 usage error or no connection.
 */
public final class PgCtl {

    private static final String USAGE = """
            usage: java -jar pgctl.jar COMMAND [OPTIONS]
              embedded  --data DIR --port PORT
              bootstrap --url JDBC_URL [--user postgres] [--password X] [--database NAME]...
              wait      --url JDBC_URL [--user postgres] [--password X] [--timeout SECONDS]
              sql       --url JDBC_URL [--user U] [--password X] --file FILE [--set NAME=VALUE]...""";

    private PgCtl() {
    }

    public static void main(String[] args) {
        // Route zonky's SLF4J messages to stderr, compactly; must happen before any logger exists.
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0) {
            return usage("missing command");
        }
        Options opts;
        try {
            opts = Options.parse(args, 1);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        try {
            switch (args[0]) {
                case "embedded":
                    opts.allow("data", "port");
                    return EmbeddedServer.run(Path.of(opts.required("data")),
                            Integer.parseInt(opts.required("port")));
                case "bootstrap":
                    opts.allow("url", "user", "password", "database");
                    return Bootstrap.run(opts.required("url"), opts.one("user"), opts.one("password"),
                            opts.all("database"));
                case "wait":
                    opts.allow("url", "user", "password", "timeout");
                    String timeout = opts.one("timeout");
                    return await(opts.required("url"), opts.one("user"), opts.one("password"),
                            timeout == null ? 30 : Integer.parseInt(timeout));
                case "sql":
                    opts.allow("url", "user", "password", "file", "set");
                    return runSql(opts.required("url"), opts.one("user"), opts.one("password"),
                            Path.of(opts.required("file")), opts.all("set"));
                case "-h":
                case "--help":
                case "help":
                    System.out.println(USAGE);
                    return 0;
                default:
                    return usage("unknown command: " + args[0]);
            }
        } catch (IllegalArgumentException e) { // includes NumberFormatException
            return usage(e.getMessage());
        } catch (Exception e) {
            System.err.println("pgctl: " + args[0] + " failed: " + e);
            return 1;
        }
    }

    /**
     * Runs a SQL script as one statement batch (PL/pgSQL blocks welcome); {@code :'name'} in the
     * script is replaced by the quoted value of {@code --set name=value}, as psql would.
     */
    private static int runSql(String url, String user, String password, Path file, List<String> sets) throws Exception {
        String sql = java.nio.file.Files.readString(file);
        for (String set : sets) {
            int eq = set.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("--set needs NAME=VALUE: " + set);
            }
            String value = set.substring(eq + 1).replace("'", "''");
            sql = sql.replace(":'" + set.substring(0, eq) + "'", "'" + value + "'");
        }
        Properties props = new Properties();
        props.setProperty("user", user == null ? "postgres" : user);
        if (password != null) {
            props.setProperty("password", password);
        }
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, props); var st = c.createStatement()) {
            st.execute(sql);
            for (var w = st.getWarnings(); w != null; w = w.getNextWarning()) {
                System.err.println("pgctl: " + w.getMessage());
            }
        }
        System.err.printf("pgctl: %s done in %.1f s%n", file.getFileName(), (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private static int usage(String problem) {
        System.err.println("pgctl: " + problem);
        System.err.println(USAGE);
        return 2;
    }

    /** Opens a connection; the user defaults to postgres unless the URL names one. */
    static Connection connect(String url, String user, String password, int timeoutSeconds)
            throws SQLException {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        } else if (!url.contains("user=")) {
            props.setProperty("user", "postgres");
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
        props.setProperty("loginTimeout", Integer.toString(timeoutSeconds));
        props.setProperty("ApplicationName", "pgctl");
        return DriverManager.getConnection(url, props);
    }

    /** Retries until a connection succeeds; gives up at once on errors waiting cannot fix. */
    static int await(String url, String user, String password, int timeoutSeconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        SQLException last;
        while (true) {
            long leftSeconds = Math.max(1, (deadline - System.nanoTime()) / 1_000_000_000L);
            try (Connection ignored = connect(url, user, password, (int) Math.min(leftSeconds, 5))) {
                System.out.println("pgctl: connected to " + url);
                return 0;
            } catch (SQLException e) {
                last = e;
            }
            // 08xxx: cannot connect; 57P03: the server is starting up or shutting down.
            String state = String.valueOf(last.getSQLState());
            boolean transientError = state.startsWith("08") || state.equals("57P03");
            if (!transientError || System.nanoTime() + 250_000_000L > deadline) {
                break;
            }
            Thread.sleep(250);
        }
        System.err.println("pgctl: no connection to " + url + " within " + timeoutSeconds + " s: "
                + last.getMessage());
        return 1;
    }

    /** {@code --name value} pairs; a name may repeat. */
    static final class Options {
        private final Map<String, List<String>> values = new HashMap<>();

        static Options parse(String[] args, int from) {
            Options o = new Options();
            for (int i = from; i < args.length; i += 2) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --option value at: " + args[i]);
                }
                o.values.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[i + 1]);
            }
            return o;
        }

        void allow(String... names) {
            for (String name : values.keySet()) {
                if (!Set.of(names).contains(name)) {
                    throw new IllegalArgumentException("unknown option --" + name);
                }
            }
        }

        String one(String name) {
            List<String> v = values.get(name);
            return v == null ? null : v.get(v.size() - 1);
        }

        String required(String name) {
            String v = one(name);
            if (v == null) {
                throw new IllegalArgumentException("missing --" + name);
            }
            return v;
        }

        List<String> all(String name) {
            return values.getOrDefault(name, List.of());
        }
    }
}
