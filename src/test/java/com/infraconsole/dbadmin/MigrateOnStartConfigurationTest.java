package com.infraconsole.dbadmin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MigrateOnStartConfigurationTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(MigrateOnStartConfiguration.class);

    @Test
    void migrating_on_start_stays_the_default() {
        runner.run(ctx -> assertThat(ctx).doesNotHaveBean(FlywayMigrationStrategy.class));
    }

    @Test
    void switching_it_off_leaves_migrations_to_the_admin() {
        runner.withPropertyValues("infra.flyway.migrate-on-start=false")
                .run(ctx -> assertThat(ctx).hasSingleBean(FlywayMigrationStrategy.class));
    }

    @Test
    void command_line_mode_keeps_its_own_strategy() {
        runner.withPropertyValues("infra.flyway.migrate-on-start=false", "infra.cli.command=db-status")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(FlywayMigrationStrategy.class));
    }
}
