package com.infraconsole.dbadmin;

import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migrating on start stays the default. {@code infra.flyway.migrate-on-start=false} (or
 * {@code spring.flyway.enabled=false}) leaves pending migrations for an admin to apply from
 * the database screen after a backup (see MigrateOnStartConfiguration).
 */
@Configuration
class DbAdminConfiguration {

    static final String MIGRATE_ON_START = "infra.flyway.migrate-on-start";

    @Bean
    Migrations migrations(ObjectProvider<Flyway> flyway, DataSource dataSource, Environment env,
            ObjectProvider<JdbcTemplate> jdbc) {
        boolean springFlyway = env.getProperty("spring.flyway.enabled", Boolean.class, true);
        boolean onStart = springFlyway && env.getProperty(MIGRATE_ON_START, Boolean.class, true);
        var instance = flyway.getIfAvailable(() -> Flyway.configure()
                .dataSource(dataSource)
                .locations(env.getProperty("spring.flyway.locations", String[].class, new String[] {"classpath:db/migration"}))
                .load());
        long bigRows = env.getProperty("infra.migrations.big-table-rows", Long.class, 1_000_000L);
        long bigBytes = env.getProperty("infra.migrations.big-table-bytes", Long.class, 1L << 30);
        // JdbcTemplate waits for Flyway's start-up migration, which needs this bean: looked up late.
        return new Migrations(instance, onStart,
                () -> new MigrationLint(new DbAdminQueries(jdbc.getObject()).lintSchema(), bigRows, bigBytes));
    }

    /**
     * The datasource's settings are read when a backup starts, so they follow the running
     * configuration. No JdbcTemplate: it waits for the start-up migration, which backs up first.
     */
    @Bean
    Backups backups(Environment env, Migrations migrations, Clock clock) {
        return new Backups(BackupSettings.from(env), () -> DumpConnection.of(env.getProperty("spring.datasource.url"),
                env.getProperty("spring.datasource.username"), env.getProperty("spring.datasource.password")),
                migrations, clock);
    }

    @Bean
    DbAdminQueries dbAdminQueries(JdbcTemplate jdbc) {
        return new DbAdminQueries(jdbc);
    }
}
