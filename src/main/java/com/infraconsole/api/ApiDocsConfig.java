package com.infraconsole.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 document (/api/v1/openapi.json) and its browsable UI (/api/v1/docs). Both are
 * readable without a token: they describe the API, never data; "Authorize" in the UI takes a token
 * for trying calls.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfig {

    @Bean
    OpenAPI infraConsoleOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Infra Console API")
                        .version("v1")
                        .description("Servers, playbooks, jobs, tickets and the audit log, with the screens' rules."
                                + " Authorization: Bearer <token> (create one on My profile)."))
                .components(new Components()
                        .addSecuritySchemes(
                                "token",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
