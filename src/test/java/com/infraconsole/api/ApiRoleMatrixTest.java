package com.infraconsole.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import com.infraconsole.user.UserAdminService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of /api/v1 under every kind of caller: anonymous, the token of a deactivated
 * user, AUDITOR, OPERATOR and ADMIN. Each role calls with real resources of its own and valid
 * bodies, so that a refusal can only come from the role rules (a 404 or a validation message
 * cannot stand in for a 403). A new endpoint that is not in the table fails the last assertion.
 */
@IntegrationTest
class ApiRoleMatrixTest {

    /** Who may call: everyone signed in, the roles that change things, or those who review the audit log. */
    enum Access {
        READ,
        WRITE,
        AUDIT;

        boolean allows(Role role) {
            return switch (this) {
                case READ -> true;
                case WRITE -> role != Role.AUDITOR;
                case AUDIT -> role != Role.OPERATOR;
            };
        }
    }

    /** What one role's calls use: its own server, playbook, ticket, schedule, and a finished job. */
    record Resources(
            long server,
            long serverToDelete,
            long playbook,
            long playbookToDelete,
            long ticket,
            long ticketForStatus,
            long schedule,
            long job) {}

    record Call(
            HttpMethod method,
            Function<Resources, String> path,
            Access access,
            String ifMatch,
            Function<Resources, String> body,
            String pattern) {}

    @Autowired
    ApiFixture fx;

    @Autowired
    UserAdminService admin;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    MockMvc mvc;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private static String server(String hostname) {
        return """
                {"hostname":"%s","ipAddress":"10.9.8.7","sshPort":22,"sshUser":"deploy","environment":"staging",
                 "status":"active","location":"rack 4","description":"role matrix"}""".formatted(hostname);
    }

    private static String unique(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    private static List<Call> calls() {
        var calls = new ArrayList<Call>();
        Function<Resources, String> none = r -> null;
        // servers
        calls.add(new Call(HttpMethod.GET, r -> "/api/v1/servers", Access.READ, null, none, "/api/v1/servers"));
        calls.add(new Call(
                HttpMethod.POST,
                r -> "/api/v1/servers",
                Access.WRITE,
                null,
                r -> server(unique("rm") + ".example.test"),
                "/api/v1/servers"));
        calls.add(new Call(
                HttpMethod.GET, r -> "/api/v1/servers/" + r.server(), Access.READ, null, none, "/api/v1/servers/{id}"));
        calls.add(new Call(
                HttpMethod.PUT,
                r -> "/api/v1/servers/" + r.server(),
                Access.WRITE,
                "\"0\"",
                r -> server("rm-put-" + r.server() + ".example.test"),
                "/api/v1/servers/{id}"));
        calls.add(new Call(
                HttpMethod.DELETE,
                r -> "/api/v1/servers/" + r.serverToDelete(),
                Access.WRITE,
                "\"0\"",
                none,
                "/api/v1/servers/{id}"));
        // environments and playbooks
        calls.add(
                new Call(HttpMethod.GET, r -> "/api/v1/environments", Access.READ, null, none, "/api/v1/environments"));
        calls.add(new Call(HttpMethod.GET, r -> "/api/v1/playbooks", Access.READ, null, none, "/api/v1/playbooks"));
        calls.add(new Call(
                HttpMethod.POST,
                r -> "/api/v1/playbooks",
                Access.WRITE,
                null,
                r -> "{\"name\":\"" + unique("rm-pb") + "\",\"content\":\"- hosts: all\\n  tasks: []\\n\"}",
                "/api/v1/playbooks"));
        calls.add(new Call(
                HttpMethod.GET,
                r -> "/api/v1/playbooks/" + r.playbook(),
                Access.READ,
                null,
                none,
                "/api/v1/playbooks/{id}"));
        calls.add(new Call(
                HttpMethod.PUT,
                r -> "/api/v1/playbooks/" + r.playbook(),
                Access.WRITE,
                "\"0\"",
                r -> "{\"name\":\"rm-pb-put-" + r.playbook() + "\",\"content\":\"- hosts: all\\n  tasks: []\\n\"}",
                "/api/v1/playbooks/{id}"));
        calls.add(new Call(
                HttpMethod.DELETE,
                r -> "/api/v1/playbooks/" + r.playbookToDelete(),
                Access.WRITE,
                "\"0\"",
                none,
                "/api/v1/playbooks/{id}"));
        // jobs
        calls.add(
                new Call(HttpMethod.GET, r -> "/api/v1/jobs?status=success", Access.READ, null, none, "/api/v1/jobs"));
        calls.add(new Call(
                HttpMethod.POST,
                r -> "/api/v1/jobs",
                Access.WRITE,
                null,
                r -> "{\"playbookId\":" + r.playbook() + ",\"serverIds\":[" + r.server() + "],\"checkMode\":true}",
                "/api/v1/jobs"));
        calls.add(
                new Call(HttpMethod.GET, r -> "/api/v1/jobs/" + r.job(), Access.READ, null, none, "/api/v1/jobs/{id}"));
        calls.add(new Call(
                HttpMethod.GET,
                r -> "/api/v1/jobs/" + r.job() + "/log?from=1&limit=10",
                Access.READ,
                null,
                none,
                "/api/v1/jobs/{id}/log"));
        calls.add(new Call(
                HttpMethod.GET,
                r -> "/api/v1/jobs/" + r.job() + "/log/stream",
                Access.READ,
                null,
                none,
                "/api/v1/jobs/{id}/log/stream"));
        // Cancelling a job that already ended is refused as input (422), so reaching that answer proves the role
        // passed.
        calls.add(new Call(
                HttpMethod.POST,
                r -> "/api/v1/jobs/" + r.job() + "/cancel",
                Access.WRITE,
                null,
                none,
                "/api/v1/jobs/{id}/cancel"));
        // schedules
        calls.add(new Call(HttpMethod.GET, r -> "/api/v1/schedules", Access.READ, null, none, "/api/v1/schedules"));
        calls.add(new Call(
                HttpMethod.POST,
                r -> "/api/v1/schedules",
                Access.WRITE,
                null,
                r -> """
                        {"name":"%s","cron":"0 0 4 * * ?","playbookId":%d,"serverIds":[%d]}""".formatted(unique("rm-sch"), r.playbook(), r.server()),
                "/api/v1/schedules"));
        calls.add(new Call(
                HttpMethod.GET,
                r -> "/api/v1/schedules/" + r.schedule(),
                Access.READ,
                null,
                none,
                "/api/v1/schedules/{id}"));
        calls.add(new Call(
                HttpMethod.POST,
                r -> "/api/v1/schedules/" + r.schedule() + "/disable",
                Access.WRITE,
                null,
                none,
                "/api/v1/schedules/{id}/disable"));
        calls.add(new Call(
                HttpMethod.POST,
                r -> "/api/v1/schedules/" + r.schedule() + "/enable",
                Access.WRITE,
                null,
                none,
                "/api/v1/schedules/{id}/enable"));
        // tickets
        calls.add(new Call(HttpMethod.GET, r -> "/api/v1/tickets", Access.READ, null, none, "/api/v1/tickets"));
        calls.add(new Call(
                HttpMethod.POST,
                r -> "/api/v1/tickets",
                Access.WRITE,
                null,
                r -> "{\"title\":\"" + unique("rm-ticket") + "\",\"priority\":\"low\"}",
                "/api/v1/tickets"));
        calls.add(new Call(
                HttpMethod.GET, r -> "/api/v1/tickets/" + r.ticket(), Access.READ, null, none, "/api/v1/tickets/{id}"));
        calls.add(new Call(
                HttpMethod.PUT,
                r -> "/api/v1/tickets/" + r.ticket(),
                Access.WRITE,
                "\"0\"",
                r -> "{\"title\":\"rm-ticket-put-" + r.ticket() + "\",\"priority\":\"high\"}",
                "/api/v1/tickets/{id}"));
        calls.add(new Call(
                HttpMethod.POST,
                r -> "/api/v1/tickets/" + r.ticketForStatus() + "/status",
                Access.WRITE,
                "\"0\"",
                r -> "{\"status\":\"in_progress\"}",
                "/api/v1/tickets/{id}/status"));
        calls.add(new Call(
                HttpMethod.GET,
                r -> "/api/v1/tickets/" + r.ticket() + "/comments",
                Access.READ,
                null,
                none,
                "/api/v1/tickets/{id}/comments"));
        calls.add(new Call(
                HttpMethod.POST,
                r -> "/api/v1/tickets/" + r.ticket() + "/comments",
                Access.WRITE,
                null,
                r -> "{\"body\":\"seen by the role matrix\"}",
                "/api/v1/tickets/{id}/comments"));
        // audit
        calls.add(new Call(HttpMethod.GET, r -> "/api/v1/audit?size=5", Access.AUDIT, null, none, "/api/v1/audit"));
        calls.add(new Call(
                HttpMethod.GET,
                r -> "/api/v1/audit/export?action=LOGIN",
                Access.AUDIT,
                null,
                none,
                "/api/v1/audit/export"));
        return calls;
    }

    @Test
    void every_endpoint_answers_every_kind_of_caller_as_the_role_table_says() throws Exception {
        mvc = fx.mvc();
        var job = finishedJob();
        var results = new LinkedHashMap<String, Integer>();
        var wrong = new ArrayList<String>();

        var leaver = fx.caller(Role.ADMIN);
        fx.users.signIn(Role.ADMIN);
        admin.deactivate(leaver.user());
        TestUsers.signOut();

        for (var role : Role.values()) {
            var caller = fx.caller(role);
            var mine = resources(job);
            for (var call : calls()) {
                int status = perform(call, mine, caller.bearer());
                results.put(role + " " + call.method() + " " + call.pattern(), status);
                boolean allowed = call.access().allows(role);
                if (allowed ? status == 401 || status == 403 || status >= 500 : status != 403) {
                    wrong.add(role + " " + call.method() + " " + call.path().apply(mine) + " -> " + status
                            + (allowed ? " (should be allowed)" : " (should be 403)"));
                }
            }
        }
        var any = resources(job);
        for (var call : calls()) {
            for (var who :
                    Map.of("anonymous", "", "deactivated", leaver.bearer()).entrySet()) {
                int status = perform(call, any, who.getValue());
                if (status != 401) {
                    wrong.add(who.getKey() + " " + call.method() + " "
                            + call.path().apply(any) + " -> " + status + " (should be 401)");
                }
            }
        }

        assertThat(wrong).as("answers that break the role table").isEmpty();
        assertThat(results).hasSize(Role.values().length * calls().size());
        assertThat(calls().stream().map(c -> c.method() + " " + c.pattern()).distinct())
                .as("every mapping of the API controllers is in the table")
                .containsExactlyInAnyOrderElementsOf(apiMappings());
    }

    /** "METHOD /pattern" of every handler method of this package's controllers, as Spring MVC mapped them. */
    private List<String> apiMappings() {
        return mappings.getHandlerMethods().entrySet().stream()
                .filter(e ->
                        e.getValue().getBeanType().getPackageName().equals(ApiRoleMatrixTest.class.getPackageName()))
                .flatMap(e -> e.getKey().getPatternValues().stream()
                        .flatMap(p -> e.getKey().getMethodsCondition().getMethods().stream()
                                .map(m -> m.name() + " " + p)))
                .distinct()
                .toList();
    }

    private int perform(Call call, Resources r, String bearer) throws Exception {
        var request = request(call.method(), call.path().apply(r)).contentType(MediaType.APPLICATION_JSON);
        if (!bearer.isEmpty()) {
            request.header("Authorization", bearer);
        }
        if (call.ifMatch() != null) {
            request.header("If-Match", call.ifMatch());
        }
        var body = call.body().apply(r);
        if (body != null) {
            request.content(body);
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    /** Fresh resources made by an admin, so that each role edits and deletes things of its own. */
    private Resources resources(long job) throws Exception {
        var maker = fx.caller(Role.ADMIN);
        long server = create(maker, "/api/v1/servers", server(unique("rm-s") + ".example.test"));
        long serverToDelete = create(maker, "/api/v1/servers", server(unique("rm-d") + ".example.test"));
        long playbook = create(
                maker,
                "/api/v1/playbooks",
                "{\"name\":\"" + unique("rm-p") + "\",\"content\":\"- hosts: all\\n  tasks: []\\n\"}");
        long playbookToDelete = create(
                maker,
                "/api/v1/playbooks",
                "{\"name\":\"" + unique("rm-q") + "\",\"content\":\"- hosts: all\\n  tasks: []\\n\"}");
        long ticket = create(maker, "/api/v1/tickets", "{\"title\":\"" + unique("rm-t") + "\",\"priority\":\"low\"}");
        long ticketForStatus =
                create(maker, "/api/v1/tickets", "{\"title\":\"" + unique("rm-u") + "\",\"priority\":\"low\"}");
        long schedule = create(maker, "/api/v1/schedules", """
                {"name":"%s","cron":"0 0 5 * * ?","playbookId":%d,"serverIds":[%d]}""".formatted(unique("rm-c"), playbook, server));
        return new Resources(
                server, serverToDelete, playbook, playbookToDelete, ticket, ticketForStatus, schedule, job);
    }

    private long create(ApiFixture.Caller caller, String path, String body) throws Exception {
        var response = mvc.perform(request(HttpMethod.POST, path)
                        .header("Authorization", caller.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus())
                .as("%s %s", path, response.getContentAsString())
                .isEqualTo(201);
        return Long.parseLong(response.getHeader("Location").replaceAll(".*/", ""));
    }

    /** One real run (real ansible, in the sandbox) on localhost, so the job endpoints read a finished job. */
    private long finishedJob() throws Exception {
        var maker = fx.caller(Role.ADMIN);
        long server = create(maker, "/api/v1/servers", server(unique("rm-j") + ".example.test"));
        long playbook = create(
                maker,
                "/api/v1/playbooks",
                "{\"name\":\"" + unique("rm-local")
                        + "\",\"content\":\"- hosts: localhost\\n  gather_facts: false\\n  tasks:\\n    - debug: msg=matrix\\n\"}");
        long job = create(maker, "/api/v1/jobs", "{\"playbookId\":" + playbook + ",\"serverIds\":[" + server + "]}");
        var deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            var json = mvc.perform(
                            request(HttpMethod.GET, "/api/v1/jobs/" + job).header("Authorization", maker.bearer()))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            if (!json.contains("\"status\":\"pending\"") && !json.contains("\"status\":\"running\"")) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job " + job + " did not end within 90 s");
    }
}
