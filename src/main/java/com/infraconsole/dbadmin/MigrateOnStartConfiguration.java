package com.infraconsole.dbadmin;

import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code infra.flyway.migrate-on-start=false} the console starts without migrating and
 * leaves pending migrations to an admin (Database screen, after confirming a backup) or to
 * init-db. Not in command-line mode, which has its own no-migration strategy (CliConfiguration).
 */
@Configuration
@ConditionalOnExpression("!${infra.flyway.migrate-on-start:true} and '${infra.cli.command:}' == ''")
class MigrateOnStartConfiguration {

    @Bean
    FlywayMigrationStrategy migrateFromTheAdminScreenOnly() {
        return flyway -> LoggerFactory.getLogger(MigrateOnStartConfiguration.class)
                .warn(
                        "{}=false: {} pending migration(s) are left for an admin to apply (Database screen or init-db)",
                        DbAdminConfiguration.MIGRATE_ON_START,
                        flyway.info().pending().length);
    }
}
