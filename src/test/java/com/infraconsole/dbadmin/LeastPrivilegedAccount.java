package com.infraconsole.dbadmin;

import com.infraconsole.TestSchemas;
import com.infraconsole.base.database.EmbeddedMariaDb;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The normal production set-up: an account with every right on the console's schema and none
 * elsewhere (no performance_schema, no sys, no mysql.*), unlike the embedded account, which the
 * embedded server grants performance_schema and sys. Created by root, as a DBA would.
 */
public final class LeastPrivilegedAccount {

    public static final String USER = "infra_least";
    private static final String PASSWORD = UUID.randomUUID().toString();

    private LeastPrivilegedAccount() {}

    /** Creates (or re-creates, without any extra right) the account {@code user}@localhost. */
    public static DataSource create(String user) {
        if (!user.matches("\\w+")) {
            throw new IllegalArgumentException(user);
        }
        asRoot(
                "DROP USER IF EXISTS '" + user + "'@'localhost'",
                "CREATE USER '" + user + "'@'localhost' IDENTIFIED BY '" + PASSWORD + "'",
                "GRANT ALL PRIVILEGES ON " + EmbeddedMariaDb.DATABASE + ".* TO '" + user + "'@'localhost'");
        return new SimpleDriverDataSource(
                new org.mariadb.jdbc.Driver(), TestSchemas.server().jdbcUrl(), user, PASSWORD);
    }

    /** The password of every account made here. */
    public static String password() {
        return PASSWORD;
    }

    /** Runs statements as the server's root, as a database administrator would. */
    public static void asRoot(String... statements) {
        var admin = TestSchemas.server().admin();
        try (var c = DriverManager.getConnection(admin.jdbcUrl(""), admin.user(), admin.password());
                var s = c.createStatement()) {
            for (var statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run as root: " + e.getMessage(), e);
        }
    }

    /** The screen's service as it runs for {@link #USER} (no method security: call it as ADMIN would). */
    public static DatabaseAdminService service(ApplicationContext ctx) {
        return service(ctx, create(USER));
    }

    public static DatabaseAdminService service(ApplicationContext ctx, DataSource ds) {
        var jdbc = new JdbcTemplate(ds);
        var flyway = Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .load();
        return new DatabaseAdminService(
                ds, new DbAdminQueries(jdbc), new Migrations(flyway, true), ctx, ctx.getBean(BackupService.class));
    }
}
