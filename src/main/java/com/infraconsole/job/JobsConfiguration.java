package com.infraconsole.job;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({JobProperties.class, SandboxProperties.class})
class JobsConfiguration {

    /**
     * In command-line mode (infra.cli.command set) Quartz must not start: a CLI command must never
     * pick up and run jobs. The scheduler bean still exists, so nothing else changes.
     */
    @Bean
    SchedulerFactoryBeanCustomizer noQuartzInCommandLineMode(@Value("${infra.cli.command:}") String cliCommand) {
        return factory -> {
            if (!cliCommand.isBlank()) {
                factory.setAutoStartup(false);
            }
        };
    }
}
