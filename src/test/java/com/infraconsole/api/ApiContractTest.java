package com.infraconsole.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import com.infraconsole.security.SystemAuthentication;
import com.infraconsole.user.UserAdminService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The API's contract under each kind of caller: anonymous, a bad token, each role, a read-only
 * token, and tokens that stopped working (revoked, expired, owner deactivated or demoted). Every
 * request goes through the real security chains and services onto the embedded MariaDB.
 */
@IntegrationTest
class ApiContractTest {

    @Autowired
    ApiFixture fx;

    @Autowired
    UserAdminService admin;

    MockMvc mvc;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private MockHttpServletRequestBuilder as(ApiFixture.Caller caller, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", caller.bearer()).contentType(MediaType.APPLICATION_JSON);
    }

    private static String server(String hostname) {
        return """
                {"hostname":"%s","ipAddress":"10.9.8.7","sshPort":22,"sshUser":"deploy","environment":"staging",
                 "status":"active","location":"rack 4","description":"from the API"}""".formatted(hostname);
    }

    @Test
    void without_a_valid_token_every_endpoint_answers_401_as_a_problem_and_is_audited() throws Exception {
        mvc = fx.mvc();
        for (var path : new String[] {
            "/api/v1/servers",
            "/api/v1/jobs",
            "/api/v1/audit",
            "/api/v1/playbooks",
            "/api/v1/environments",
            "/api/v1/tickets"
        }) {
            mvc.perform(get(path))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string("WWW-Authenticate", "Bearer"))
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.status").value(401));
        }
        assertThat(fx.lastAudit("API_AUTH_FAILURE")).isEqualTo("(anonymous) DENIED");
        mvc.perform(post("/api/v1/servers")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(server("anon.example.test")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/servers").header("Authorization", "Bearer ic_pat_not-a-real-token"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("The API token was not accepted."));
        // No session is created for the API, and the UI chain is untouched: its pages still redirect to login.
        var result = mvc.perform(get("/api/v1/servers")).andReturn();
        assertThat(result.getRequest().getSession(false)).isNull();
        mvc.perform(get("/servers")).andExpect(status().is3xxRedirection());
    }

    @Test
    void an_operator_manages_servers_with_etags_and_gets_field_messages() throws Exception {
        mvc = fx.mvc();
        var op = fx.caller(Role.OPERATOR);
        var host = "api-" + System.nanoTime() + ".example.test";
        var created = mvc.perform(as(op, post("/api/v1/servers")).content(server(host)))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(header().string("Location", startsWith("/api/v1/servers/")))
                .andExpect(jsonPath("$.hostname").value(host))
                .andExpect(jsonPath("$.environment").value("staging"))
                .andExpect(jsonPath("$.status").value("active"))
                .andReturn();
        var location = created.getResponse().getHeader("Location");
        assertThat(fx.lastAudit("CREATE")).isEqualTo(op.user().getUsername() + " SUCCESS");

        mvc.perform(as(op, get(location))).andExpect(status().isOk()).andExpect(header().string("ETag", "\"0\""));
        mvc.perform(as(op, get("/api/v1/servers?q=" + host)))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].sshUser").value("deploy"));

        var edited = server(host).replace("rack 4", "rack 5");
        mvc.perform(as(op, put(location)).content(edited))
                .andExpect(status().isPreconditionRequired())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(as(op, put(location)).header("If-Match", "\"0\"").content(edited))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.location").value("rack 5"));
        // Someone saved since version 0: refused, nothing written.
        mvc.perform(as(op, put(location))
                        .header("If-Match", "\"0\"")
                        .content(server(host).replace("rack 4", "rack 6")))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath(
                        "$.detail", containsString("was changed by " + op.user().getUsername())));
        mvc.perform(as(op, get(location))).andExpect(jsonPath("$.location").value("rack 5"));

        mvc.perform(as(op, post("/api/v1/servers")).content(server("bad host!").replace("10.9.8.7", "999.1.1.1")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors.hostname").exists())
                .andExpect(jsonPath("$.errors.ipAddress").exists());
        mvc.perform(as(op, post("/api/v1/servers")).content(server(host + "x").replace("staging", "nowhere")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.environment").value("No environment named nowhere"));

        mvc.perform(as(op, delete(location)).header("If-Match", "\"0\"")).andExpect(status().isPreconditionFailed());
        mvc.perform(as(op, delete(location)).header("If-Match", "\"1\"")).andExpect(status().isNoContent());
        mvc.perform(as(op, get(location)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Not found"));
    }

    @Test
    void roles_and_read_only_tokens_are_refused_with_403_and_audited() throws Exception {
        mvc = fx.mvc();
        var auditor = fx.caller(Role.AUDITOR);
        mvc.perform(as(auditor, get("/api/v1/servers"))).andExpect(status().isOk());
        mvc.perform(as(auditor, post("/api/v1/servers")).content(server("aud-" + System.nanoTime() + ".example.test")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        assertThat(fx.lastAudit("ACCESS_DENIED")).isEqualTo(auditor.user().getUsername() + " DENIED");
        mvc.perform(as(auditor, post("/api/v1/jobs")).content("{\"playbookId\":1,\"serverIds\":[1]}"))
                .andExpect(status().isForbidden());

        var operator = fx.caller(Role.OPERATOR);
        mvc.perform(as(operator, get("/api/v1/audit"))).andExpect(status().isForbidden());
        mvc.perform(as(operator, get("/api/v1/audit/export"))).andExpect(status().isForbidden());

        var readOnly = fx.caller(Role.ADMIN, true);
        mvc.perform(as(readOnly, get("/api/v1/servers"))).andExpect(status().isOk());
        long since = fx.lastSeq();
        mvc.perform(as(readOnly, post("/api/v1/servers")).content(server("ro-" + System.nanoTime() + ".example.test")))
                .andExpect(status().isForbidden());
        assertThat(fx.lastAudit("ACCESS_DENIED")).isEqualTo(readOnly.user().getUsername() + " DENIED");
        assertThat(fx.jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_logs WHERE seq > ? AND action = 'CREATE'", Long.class, since))
                .isZero();
    }

    @Test
    void a_token_stops_at_once_when_revoked_expired_or_its_owner_deactivated_and_follows_a_demotion() throws Exception {
        mvc = fx.mvc();
        var revoked = fx.caller(Role.OPERATOR);
        mvc.perform(as(revoked, get("/api/v1/servers"))).andExpect(status().isOk());
        TestUsers.signIn(revoked.user());
        var id = fx.tokens.mine().getFirst().id();
        fx.tokens.revoke(id);
        TestUsers.signOut();
        mvc.perform(as(revoked, get("/api/v1/servers"))).andExpect(status().isUnauthorized());
        assertThat(fx.lastAudit("API_AUTH_FAILURE")).isEqualTo(revoked.user().getUsername() + " DENIED");
        assertThat(fx.jdbc.queryForObject(
                        "SELECT changes FROM audit_logs WHERE action = 'API_AUTH_FAILURE'"
                                + " ORDER BY seq DESC LIMIT 1",
                        String.class))
                .contains("revoked token");

        var expired = fx.caller(Role.OPERATOR);
        fx.jdbc.update(
                "UPDATE api_tokens SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE user_id = ?",
                expired.user().getId());
        mvc.perform(as(expired, get("/api/v1/servers"))).andExpect(status().isUnauthorized());

        var leaver = fx.caller(Role.OPERATOR);
        mvc.perform(as(leaver, get("/api/v1/jobs"))).andExpect(status().isOk());
        fx.users.signIn(Role.ADMIN);
        admin.deactivate(leaver.user());
        TestUsers.signOut();
        mvc.perform(as(leaver, get("/api/v1/jobs"))).andExpect(status().isUnauthorized());

        var demoted = fx.caller(Role.ADMIN);
        mvc.perform(as(demoted, get("/api/v1/audit"))).andExpect(status().isOk());
        fx.users.signIn(Role.ADMIN);
        admin.changeRole(demoted.user(), Role.OPERATOR);
        TestUsers.signOut();
        mvc.perform(as(demoted, get("/api/v1/audit"))).andExpect(status().isForbidden());
        mvc.perform(as(demoted, get("/api/v1/servers"))).andExpect(status().isOk());
    }

    @Test
    void auditors_page_and_export_the_audit_log_and_the_export_is_audited() throws Exception {
        mvc = fx.mvc();
        var auditor = fx.caller(Role.AUDITOR);
        mvc.perform(as(auditor, get("/api/v1/audit?action=CREATE&size=1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].action").value("CREATE"))
                .andExpect(jsonPath("$.next").isNumber());
        mvc.perform(as(auditor, get("/api/v1/audit/export?action=TOKEN_CREATE")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andExpect(content().string(containsString("TOKEN_CREATE")));
        assertThat(fx.lastAudit("EXPORT")).isEqualTo(auditor.user().getUsername() + " SUCCESS");
        // The token's hash never reaches the audit log.
        var hashes = fx.jdbc.queryForList(
                "SELECT token_hash FROM api_tokens WHERE user_id = ?",
                String.class,
                auditor.user().getId());
        assertThat(fx.jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_logs WHERE changes LIKE ?",
                        Long.class,
                        "%" + hashes.getFirst() + "%"))
                .isZero();
    }

    @Test
    void playbooks_environments_and_tickets_with_comments() throws Exception {
        mvc = fx.mvc();
        var op = fx.caller(Role.OPERATOR);
        mvc.perform(as(op, get("/api/v1/environments")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == 'staging')]").exists());
        var name = "api-pb-" + System.nanoTime();
        var pb = mvc.perform(as(op, post("/api/v1/playbooks"))
                        .content("{\"name\":\"" + name + "\",\"content\":\"- hosts: all\\n  tasks: []\\n\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        mvc.perform(as(op, put(pb))
                        .header("If-Match", "\"0\"")
                        .content("{\"name\":\"" + name + "\",\"description\":\"d\",\"content\":\"hosts: all\\n\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.content").exists());
        mvc.perform(as(op, get("/api/v1/playbooks?q=" + name)))
                .andExpect(jsonPath("$.items[0].name").value(name));

        var ticket = mvc.perform(
                        as(op, post("/api/v1/tickets")).content("{\"title\":\"disk full\",\"priority\":\"high\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("open"))
                .andExpect(jsonPath("$.reporter").value(op.user().getUsername()))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        mvc.perform(as(op, post(ticket + "/comments")).content("{\"body\":\"looking\"}"))
                .andExpect(status().isCreated());
        mvc.perform(as(op, get(ticket + "/comments")))
                .andExpect(jsonPath("$[0].body").value("looking"));
        mvc.perform(as(op, post(ticket + "/status"))
                        .header("If-Match", "\"0\"")
                        .content("{\"status\":\"in_progress\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("in_progress"));
        mvc.perform(as(op, post(ticket + "/comments")).content("{\"body\":\" \"}"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void schedules_are_created_enabled_and_disabled_as_on_the_screen() throws Exception {
        mvc = fx.mvc();
        var op = fx.caller(Role.OPERATOR);
        var host = "sch-" + System.nanoTime() + ".example.test";
        var serverId =
                Long.parseLong(mvc.perform(as(op, post("/api/v1/servers")).content(server(host)))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getHeader("Location")
                        .replaceAll(".*/", ""));
        var playbookId = Long.parseLong(mvc.perform(as(op, post("/api/v1/playbooks"))
                        .content("{\"name\":\"" + host + "\",\"content\":\"- hosts: all\\n  tasks: []\\n\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getHeader("Location")
                .replaceAll(".*/", ""));
        var body = """
                {"name":"%s","cron":"0 30 2 * * ?","timeZone":"Europe/Berlin","playbookId":%d,"serverIds":[%d],
                 "checkMode":true,"verbosity":1}""".formatted(host, playbookId, serverId);

        mvc.perform(as(op, post("/api/v1/schedules"))
                        .content(body.replace("0 30 2 * * ?", "every night").replace("Europe/Berlin", "Mars/Olympus")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.cron").exists())
                .andExpect(jsonPath("$.errors.timeZone").exists());
        var auditor = fx.caller(Role.AUDITOR);
        mvc.perform(as(auditor, post("/api/v1/schedules")).content(body)).andExpect(status().isForbidden());
        mvc.perform(as(op, get("/api/v1/schedules")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.name == '%s')]", host).doesNotExist());

        var location = mvc.perform(as(op, post("/api/v1/schedules")).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.checkMode").value(true))
                .andExpect(jsonPath("$.serverIds[0]").value(serverId))
                .andExpect(jsonPath("$.nextRun").exists())
                .andExpect(jsonPath("$.ownerId").value(op.user().getId()))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        assertThat(fx.lastAudit("JOB_SCHEDULE_CREATE")).isEqualTo(op.user().getUsername() + " SUCCESS");
        mvc.perform(as(op, post("/api/v1/schedules")).content(body))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.name").value("A schedule named " + host + " already exists"));

        mvc.perform(as(auditor, get(location)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(host));
        mvc.perform(as(auditor, post(location + "/disable"))).andExpect(status().isForbidden());
        mvc.perform(as(op, post(location + "/disable")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false))
                .andExpect(jsonPath("$.nextRun").doesNotExist());
        assertThat(fx.lastAudit("JOB_SCHEDULE_DISABLE")).isEqualTo(op.user().getUsername() + " SUCCESS");
        mvc.perform(as(op, post(location + "/enable")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.nextRun").exists());
        mvc.perform(as(op, get("/api/v1/schedules/999999999"))).andExpect(status().isNotFound());
        mvc.perform(as(op, post(location + "/disable"))).andExpect(status().isOk());
    }

    @Test
    void a_service_account_has_no_password_login_but_its_token_works() throws Exception {
        mvc = fx.mvc();
        var name = "ci-" + System.nanoTime();
        var account = SystemAuthentication.call(() -> admin.createServiceAccount(name, null, Role.OPERATOR));
        assertThat(account.isServiceAccount()).isTrue();
        var token = fx.token(name, false);
        mvc.perform(get("/api/v1/jobs").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        mvc.perform(
                        post("/login")
                                .param("username", name)
                                .param("password", "anything-at-all-1")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("error")));
    }
}
