package cn.qingfeng.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.eclipse.microprofile.config.ConfigProvider;

/** Direct connections for what the API must not be able to do (and for simulating tampering). */
public final class Db {

    private Db() {
    }

    private static String url() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    /** As the application's own role. */
    public static Connection asApp() throws SQLException {
        var c = ConfigProvider.getConfig();
        return DriverManager.getConnection(url(), c.getValue("quarkus.datasource.username", String.class),
                c.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    /**
     * As the schema owner, in another database of the same server (the end-to-end one): what a long
     * job elsewhere on the server looks like to this one.
     */
    public static Connection inAnotherDatabase() throws SQLException {
        var c = ConfigProvider.getConfig();
        String other = url().replaceAll("/[^/?]+(\\?.*)?$", "/qingfeng_e2e$1");
        return DriverManager.getConnection(other, c.getValue("quarkus.flyway.username", String.class),
                c.getOptionalValue("quarkus.flyway.password", String.class).orElse(""));
    }

    /** As the schema owner (what Flyway uses); a stand-in for someone with database rights. */
    public static Connection asOwner() throws SQLException {
        var c = ConfigProvider.getConfig();
        return DriverManager.getConnection(url(), c.getValue("quarkus.flyway.username", String.class),
                c.getOptionalValue("quarkus.flyway.password", String.class).orElse(""));
    }
}
