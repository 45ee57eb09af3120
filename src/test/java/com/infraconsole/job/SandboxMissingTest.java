package com.infraconsole.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.security.Role;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** A node whose sandbox cannot start (no bubblewrap): launches are refused, nothing is written. */
@IntegrationTest
@TestPropertySource(
        properties = {
            "infra.jobs.sandbox.bwrap=/nonexistent/bwrap",
            "infra.jobs.node-id=test-node-nobwrap",
            "spring.quartz.properties.org.quartz.scheduler.instanceName=nobwrap-test"
        })
@DirtiesContext
class SandboxMissingTest {

    @Autowired
    JobService jobs;

    @Autowired
    JobFixtures fx;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_launch_is_refused_with_the_fix_and_no_job_is_stored() {
        users.signIn(Role.OPERATOR);
        try {
            var request = LaunchRequest.of(fx.tasks("- debug: msg=never"), List.of(fx.localServer()));
            long before =
                    jdbc.sql("SELECT COUNT(*) FROM jobs").query(Long.class).single();

            assertThatThrownBy(() -> jobs.launch(request))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.fieldErrors().get(""))
                                    .contains(
                                            "bubblewrap is not installed",
                                            "apt-get install bubblewrap",
                                            "INFRA_JOB_SANDBOX=off"));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM jobs").query(Long.class).single())
                    .isEqualTo(before);
            assertThat(jobs.sandboxStatus().warning()).contains("Jobs are refused");
        } finally {
            TestUsers.signOut();
        }
    }
}
