package cn.qingfeng.pgctl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates Qingfeng's roles and databases; safe to run any number of times.
 *
 * <p>qingfeng_owner owns the databases and their public schema (migrations run as it);
 * qingfeng_app is the runtime role and only gets CONNECT and USAGE here, table privileges
 * come from the migrations. Existing roles get their attributes and password re-applied so
 * every machine converges to the same state.
 */
final class Bootstrap {

    static final String OWNER = "qingfeng_owner";
    static final String APP = "qingfeng_app";
    // qingfeng: make run; qingfeng_test: the backend suites; qingfeng_e2e: the browser tests;
    // qingfeng_cluster: the two-instance test (ClusterJobsIT), which cleans it at its start.
    static final List<String> DEFAULT_DATABASES = List.of("qingfeng", "qingfeng_test", "qingfeng_e2e", "qingfeng_cluster");

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern JDBC_URL =
            Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?");

    private Bootstrap() {
    }

    static int run(String url, String user, String password, List<String> extraDatabases)
            throws SQLException {
        Set<String> databases = new LinkedHashSet<>(DEFAULT_DATABASES);
        databases.addAll(extraDatabases);
        for (String db : databases) {
            if (!IDENTIFIER.matcher(db).matches()) {
                throw new IllegalArgumentException("invalid database name: " + db);
            }
        }
        if (!JDBC_URL.matcher(url).matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql:// URL: " + url);
        }

        Connection admin;
        try {
            admin = PgCtl.connect(url, user, password, 10);
        } catch (SQLException e) {
            System.err.println("pgctl: cannot connect to " + url + ": " + e.getMessage());
            return 2;
        }
        try (admin) {
            role(admin, OWNER, "LOGIN NOSUPERUSER NOCREATEROLE", "PASSWORD '" + OWNER + "'");
            role(admin, APP, "LOGIN NOSUPERUSER NOINHERIT NOCREATEDB", "PASSWORD '" + APP + "'");
            for (String db : databases) {
                database(admin, db);
            }
        }
        for (String db : databases) {
            // Schema ownership and grants live inside each database: connect to it.
            try (Connection c = PgCtl.connect(withDatabase(url, db), user, password, 10);
                 Statement s = c.createStatement()) {
                s.execute("ALTER SCHEMA public OWNER TO " + OWNER);
                s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
                s.execute("GRANT USAGE ON SCHEMA public TO " + APP);
                s.execute("GRANT CONNECT ON DATABASE " + db + " TO " + APP);
            }
            System.out.println("pgctl: database " + db + ": schema public owned by " + OWNER
                    + ", USAGE and CONNECT granted to " + APP);
        }
        System.out.println("pgctl: bootstrap done");
        return 0;
    }

    /**
     * The development password is set only when the role is created: on a shared server whose
     * admin changed it, a later bootstrap must not reset it to a well-known value.
     */
    private static void role(Connection c, String name, String attributes, String password) throws SQLException {
        if (exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", name)) {
            execute(c, "ALTER ROLE " + name + " " + attributes);
            System.out.println("pgctl: role " + name + ": found (attributes re-applied, password kept)");
        } else if (createdOrRaced(c, "CREATE ROLE " + name + " " + attributes + " " + password)) {
            System.out.println("pgctl: role " + name + ": created");
        } else {
            System.out.println("pgctl: role " + name + ": found (created concurrently)");
        }
    }

    private static void database(Connection c, String name) throws SQLException {
        String owner = null;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    owner = rs.getString(1);
                }
            }
        }
        if (owner == null) {
            // CREATE DATABASE refuses to run in a transaction; pgjdbc is in autocommit here.
            boolean created = createdOrRaced(c, "CREATE DATABASE " + name + " OWNER " + OWNER);
            System.out.println("pgctl: database " + name + ": "
                    + (created ? "created" : "found (created concurrently)"));
        } else if (!owner.equals(OWNER)) {
            execute(c, "ALTER DATABASE " + name + " OWNER TO " + OWNER);
            System.out.println("pgctl: database " + name + ": found, owner changed from " + owner);
        } else {
            System.out.println("pgctl: database " + name + ": found");
        }
    }

    /** Runs a CREATE; false if a concurrent bootstrap created the object first. */
    private static boolean createdOrRaced(Connection c, String sql) throws SQLException {
        try {
            execute(c, sql);
            return true;
        } catch (SQLException e) {
            // 42710 duplicate_object, 42P04 duplicate_database, 23505 catalog unique index.
            if (Set.of("42710", "42P04", "23505").contains(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    private static boolean exists(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The same server URL pointing at another database; query parameters are kept. */
    static String withDatabase(String url, String db) {
        Matcher m = JDBC_URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql:// URL: " + url);
        }
        return m.group(1) + "/" + db + (m.group(3) == null ? "" : m.group(3));
    }
}
