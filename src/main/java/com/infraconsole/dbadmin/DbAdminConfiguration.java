package com.infraconsole.dbadmin;

import com.infraconsole.base.database.OwnerAccount;
import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migrating on start stays the default. {@code infra.flyway.migrate-on-start=false} (or
 * {@code spring.flyway.enabled=false}) leaves pending migrations for an admin to apply from
 * the database screen after a backup (see MigrateOnStartConfiguration).
 */
@Configuration
class DbAdminConfiguration {

    static final String MIGRATE_ON_START = "infra.flyway.migrate-on-start";

    @Bean
    Migrations migrations(
            ObjectProvider<Flyway> flyway,
            DataSource dataSource,
            Environment env,
            ObjectProvider<JdbcTemplate> jdbc,
            OwnerAccount owner) {
        boolean springFlyway = env.getProperty("spring.flyway.enabled", Boolean.class, true);
        boolean onStart = springFlyway && env.getProperty(MIGRATE_ON_START, Boolean.class, true);
        var instance = flyway.getIfAvailable(() -> Flyway.configure()
                .dataSource(
                        owner.separate()
                                ? new DriverManagerDataSource(owner.url(), owner.user(), owner.password())
                                : dataSource)
                .locations(env.getProperty(
                        "spring.flyway.locations", String[].class, new String[] {"classpath:db/migration"}))
                .load());
        long bigRows = env.getProperty("infra.migrations.big-table-rows", Long.class, 1_000_000L);
        long bigBytes = env.getProperty("infra.migrations.big-table-bytes", Long.class, 1L << 30);
        // JdbcTemplate waits for Flyway's start-up migration, which needs this bean: looked up late.
        return new Migrations(
                instance,
                onStart,
                () -> new MigrationLint(new DbAdminQueries(jdbc.getObject()).lintSchema(), bigRows, bigBytes));
    }

    /**
     * Backups and restores run as the schema's owner (the datasource's account unless
     * INFRA_DB_OWNER_USER names another), read when a backup starts, so they follow the running
     * configuration. No JdbcTemplate: it waits for the start-up migration, which backs up first.
     */
    @Bean
    Backups backups(Environment env, Migrations migrations, Clock clock, OwnerAccount owner) {
        return new Backups(
                BackupSettings.from(env),
                () -> DumpConnection.of(owner.url(), owner.user(), owner.password()),
                migrations,
                clock);
    }

    @Bean
    DbAdminQueries dbAdminQueries(JdbcTemplate jdbc) {
        return new DbAdminQueries(jdbc);
    }
}
