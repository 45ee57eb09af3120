package com.infraconsole.api;

import com.infraconsole.job.JobService;
import com.infraconsole.security.SystemAuthentication;
import org.flywaydb.core.Flyway;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What readiness needs besides the database connection (Boot's "db" indicator): the schema
 * migrated to the version this build expects, and the job sandbox able to start jobs. A node
 * that fails either takes no traffic, but stays alive (liveness does not include them).
 */
@Configuration(proxyBeanMethods = false)
class ReadinessChecks {

    @Bean
    HealthIndicator flywayUpToDateHealthIndicator(Flyway flyway) {
        return () -> {
            var pending = flyway.info().pending().length;
            return pending == 0
                    ? Health.up().build()
                    : Health.down().withDetail("pendingMigrations", pending).build();
        };
    }

    @Bean
    HealthIndicator jobSandboxHealthIndicator(JobService jobs) {
        return () -> {
            var status = SystemAuthentication.call(jobs::sandboxStatus);
            return status.available()
                    ? Health.up().withDetail("enabled", status.enabled()).build()
                    : Health.down()
                            .withDetail("problem", String.valueOf(status.problem()))
                            .build();
        };
    }
}
