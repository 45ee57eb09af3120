package com.infraconsole.cli;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** In command-line mode nothing migrates on start: db-status must see pending migrations as pending. */
@Configuration
@ConditionalOnProperty("infra.cli.command")
class CliConfiguration {

    @Bean
    FlywayMigrationStrategy noMigrationOnStart() {
        return flyway -> {};
    }
}
