package com.infraconsole.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.infraconsole.IntegrationTest;
import com.infraconsole.audit.AuditService;
import com.infraconsole.security.Role;
import com.infraconsole.security.SystemAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Actuator and the OpenAPI document under each kind of caller. */
@IntegrationTest
class OpsEndpointsTest {

    @Autowired
    ApiFixture fx;

    @Autowired
    ConsoleMetrics metrics;

    @Autowired
    AuditService audit;

    @Test
    void probes_are_open_metrics_are_for_admins_and_everything_else_is_closed() throws Exception {
        var mvc = fx.mvc();
        mvc.perform(get("/actuator/health/liveness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        // Database reachable, Flyway up to date, sandbox available: all three are part of readiness.
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());

        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        for (var role : new Role[] {Role.OPERATOR, Role.AUDITOR}) {
            mvc.perform(get("/actuator/prometheus")
                            .header("Authorization", fx.caller(role).bearer()))
                    .andExpect(status().isForbidden());
        }
        metrics.refresh();
        SystemAuthentication.call(() -> audit.verify(rows -> {}));
        mvc.perform(get("/actuator/prometheus")
                        .header("Authorization", fx.caller(Role.ADMIN).bearer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("infra_jobs{status=\"pending\"}")))
                .andExpect(content().string(containsString("infra_jobs_queue_depth")))
                .andExpect(content().string(containsString("infra_audit_rows_total")))
                .andExpect(content().string(containsString("infra_job_log_lines_total")))
                .andExpect(content().string(containsString("infra_login_failures_total")))
                .andExpect(content().string(containsString("infra_audit_chain_intact 1.0")))
                .andExpect(content()
                        .string(matchesPattern("(?s).*\\ninfra_audit_chain_verified_age_seconds [0-9.E-]+\\n.*")));
        mvc.perform(get("/actuator/env")
                        .header("Authorization", fx.caller(Role.ADMIN).bearer()))
                .andExpect(status().isForbidden());
    }

    @Test
    void the_openapi_document_is_readable_without_a_token_and_names_the_contract() throws Exception {
        var mvc = fx.mvc();
        mvc.perform(get("/api/v1/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi", containsString("3.")))
                .andExpect(jsonPath("$.paths['/api/v1/servers/{id}'].put").exists())
                .andExpect(
                        jsonPath("$.paths['/api/v1/jobs/{id}/log/stream'].get").exists())
                .andExpect(jsonPath("$.components.securitySchemes.token.scheme").value("bearer"));
        mvc.perform(get("/api/v1/docs")).andExpect(status().is3xxRedirection());
    }
}
