package com.infraconsole.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.audit.AuditLogProbe;
import com.infraconsole.audit.AuditRow;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.security.Role;
import com.infraconsole.user.UserAdminService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Launch hooks through the real filter chains and controller (MockMvc on the shared context): the
 * signature, GitLab token, replay, rate limit and audit rules, and a call that runs a real job.
 */
@IntegrationTest
class LaunchHookTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    HookService hooks;

    @Autowired
    TestUsers testUsers;

    @Autowired
    NotificationFixtures fx;

    @Autowired
    AuditLogProbe audit;

    @Autowired
    UserAdminService userAdmin;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    /** A preset hook, created by a new admin (its owner), on a quick playbook and a localhost server. */
    HookService.HookSecret hook(int perMinute) {
        testUsers.signIn(Role.ADMIN);
        var playbook = fx.playbook("- name: hello\n  debug:\n    msg: hello from a hook");
        var server = fx.localServer();
        var created = hooks.create(new HookService.NewHook(
                "hook-" + UUID.randomUUID(), null, playbook, List.of(server), null, false, perMinute));
        TestUsers.signOut();
        return created;
    }

    MockHttpServletRequestBuilder call(LaunchHook hook, byte[] body) {
        return post(hook.path()).contentType("application/json").content(body);
    }

    @Test
    void github_signed_call_runs_a_real_job_as_the_owner_and_leaves_its_audit_rows() throws Exception {
        var h = hook(10);
        var body = "{\"ref\":\"refs/heads/main\"}".getBytes(StandardCharsets.UTF_8);
        long since = audit.lastSeq();

        var result = mvc.perform(call(h.hook(), body)
                        .header("X-Hub-Signature-256", HookSignature.sign(h.secret(), body))
                        .header("X-GitHub-Delivery", UUID.randomUUID().toString()))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(202);
        long jobId = Long.parseLong(result.getResponse().getContentAsString().replaceAll(".*\"jobId\":(\\d+).*", "$1"));
        assertThat(fx.awaitEnd(jobId, Duration.ofSeconds(60))).isEqualTo("success");
        assertThat(fx.launchedBy(jobId)).isEqualTo(h.hook().getOwnerId());
        var rows = audit.since(since);
        assertThat(rows)
                .filteredOn(r -> r.action().equals("HOOK_CALL"))
                .singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo("SUCCESS"))
                .satisfies(r -> assertThat(r.changes()).contains("job " + jobId));
        assertThat(rows)
                .filteredOn(r -> r.action().equals("JOB_LAUNCH"))
                .singleElement()
                .satisfies(r -> assertThat(r.userId()).isEqualTo(h.hook().getOwnerId()));
        assertNoSecretIn(rows, h);
    }

    @Test
    void wrong_or_missing_signature_is_refused_and_audited_without_a_job() throws Exception {
        var h = hook(60);
        var body = "{}".getBytes(StandardCharsets.UTF_8);
        long jobs = fx.jobCount();
        long since = audit.lastSeq();

        var forged = mvc.perform(call(h.hook(), body)
                        .header("X-Hub-Signature-256", HookSignature.sign("not-the-secret", body))
                        .header("X-GitHub-Delivery", "d1"))
                .andReturn();
        var tampered = mvc.perform(call(h.hook(), "{\"x\":1}".getBytes(StandardCharsets.UTF_8))
                        .header("X-Hub-Signature-256", HookSignature.sign(h.secret(), body))
                        .header("X-GitHub-Delivery", "d2"))
                .andReturn();
        var garbage = mvc.perform(call(h.hook(), body)
                        .header("X-Hub-Signature-256", "sha256=zz")
                        .header("X-GitHub-Delivery", "d3"))
                .andReturn();
        var missing = mvc.perform(call(h.hook(), body).header("X-GitHub-Delivery", "d4"))
                .andReturn();
        var wrongToken = mvc.perform(call(h.hook(), body)
                        .header("X-Gitlab-Token", h.secret() + "x")
                        .header("X-Gitlab-Event-UUID", "d5"))
                .andReturn();

        for (var r : List.of(forged, tampered, garbage, missing, wrongToken)) {
            assertThat(r.getResponse().getStatus()).isEqualTo(401);
            assertThat(r.getResponse().getContentType()).contains("application/problem+json");
        }
        assertThat(missing.getResponse().getContentAsString())
                .contains("no X-Hub-Signature-256 or X-Gitlab-Token header");
        assertThat(fx.jobCount()).isEqualTo(jobs);
        var rows = audit.since(since, "LaunchHook", h.hook().getId());
        assertThat(rows).hasSize(5).allSatisfy(r -> {
            assertThat(r.action()).isEqualTo("HOOK_CALL");
            assertThat(r.outcome()).isEqualTo("DENIED");
            assertThat(r.username()).isEqualTo("hook:" + h.hook().getId());
            assertThat(r.clientIp()).isEqualTo("127.0.0.1");
        });
        assertNoSecretIn(rows, h);
    }

    @Test
    void gitlab_token_launches_and_a_replayed_delivery_is_refused() throws Exception {
        var h = hook(60);
        var body = "{\"object_kind\":\"push\"}".getBytes(StandardCharsets.UTF_8);
        var delivery = UUID.randomUUID().toString();

        var first = mvc.perform(call(h.hook(), body)
                        .header("X-Gitlab-Token", h.secret())
                        .header("X-Gitlab-Event-UUID", delivery))
                .andReturn();
        var replay = mvc.perform(call(h.hook(), body)
                        .header("X-Gitlab-Token", h.secret())
                        .header("X-Gitlab-Event-UUID", delivery))
                .andReturn();
        var noDelivery = mvc.perform(call(h.hook(), body).header("X-Gitlab-Token", h.secret()))
                .andReturn();
        var viaIdempotencyKey = mvc.perform(call(h.hook(), body)
                        .header("X-Gitlab-Token", h.secret())
                        .header("Idempotency-Key", UUID.randomUUID().toString()))
                .andReturn();

        assertThat(first.getResponse().getStatus()).isEqualTo(202);
        assertThat(first.getResponse().getHeader("Location")).startsWith("/api/v1/jobs/");
        assertThat(replay.getResponse().getStatus()).isEqualTo(409);
        assertThat(replay.getResponse().getContentAsString()).contains("already accepted");
        assertThat(noDelivery.getResponse().getStatus()).isEqualTo(400);
        assertThat(viaIdempotencyKey.getResponse().getStatus()).isEqualTo(202);
        assertThat(jobId(first)).isNotEqualTo(jobId(viaIdempotencyKey));
    }

    @Test
    void calls_beyond_the_rate_limit_get_429_with_retry_after() throws Exception {
        var h = hook(2);
        var body = new byte[0];
        long since = audit.lastSeq();

        var statuses = new java.util.ArrayList<Integer>();
        MvcResult last = null;
        for (int i = 0; i < 3; i++) {
            last = mvc.perform(call(h.hook(), body)
                            .header("X-Hub-Signature-256", "sha256=00")
                            .header("X-GitHub-Delivery", "r" + i))
                    .andReturn();
            statuses.add(last.getResponse().getStatus());
        }

        assertThat(statuses).containsExactly(401, 401, 429);
        assertThat(Long.parseLong(last.getResponse().getHeader("Retry-After"))).isBetween(1L, 30L);
        assertThat(audit.since(since, "LaunchHook", h.hook().getId()))
                .hasSize(3)
                .last()
                .satisfies(r -> assertThat(r.changes()).contains("429"));
    }

    @Test
    void an_owner_no_longer_allowed_to_launch_launches_nothing_and_the_failure_is_audited() throws Exception {
        var owner = testUsers.create(Role.ADMIN);
        TestUsers.signIn(owner);
        var playbook = fx.playbook("- debug:\n    msg: hi");
        var server = fx.localServer();
        var h = hooks.create(
                new HookService.NewHook("hook-" + UUID.randomUUID(), null, playbook, List.of(server), null, false, 10));
        testUsers.signIn(Role.ADMIN);
        userAdmin.changeRole(userAdmin.get(owner.getId()).orElseThrow(), Role.AUDITOR);
        TestUsers.signOut();
        long jobs = fx.jobCount();
        long since = audit.lastSeq();

        var body = "{}".getBytes(StandardCharsets.UTF_8);
        var r = mvc.perform(call(h.hook(), body)
                        .header("X-Hub-Signature-256", HookSignature.sign(h.secret(), body))
                        .header("X-GitHub-Delivery", "x"))
                .andReturn();

        assertThat(r.getResponse().getStatus()).isEqualTo(422);
        assertThat(r.getResponse().getContentAsString()).contains("only admins and operators launch jobs");
        assertThat(fx.jobCount()).isEqualTo(jobs);
        assertThat(audit.since(since, "LaunchHook", h.hook().getId()))
                .singleElement()
                .satisfies(row -> assertThat(row.outcome()).isEqualTo("FAILURE"));
    }

    @Test
    void unknown_hooks_and_other_methods_launch_nothing() throws Exception {
        assertThat(mvc.perform(post("/api/v1/hooks/999999999").content("{}"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(post("/api/v1/hooks/abc").content("{}"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/api/v1/hooks/1")).andReturn().getResponse().getStatus())
                .isEqualTo(405);
    }

    @Test
    void only_admins_manage_hooks() {
        var h = hook(10);
        var request = new HookService.NewHook(
                "op-hook", null, h.hook().getPlaybookId(), h.hook().getTargets(), null, false, 10);
        assertThatThrownBy(() -> hooks.create(request)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        for (var role : List.of(Role.OPERATOR, Role.AUDITOR)) {
            testUsers.signIn(role);
            assertThatThrownBy(() -> hooks.create(request)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> hooks.rotateSecret(h.hook())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> hooks.list(org.springframework.data.domain.PageRequest.of(0, 5)))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void bad_input_names_its_field_and_rotation_retires_the_old_secret() throws Exception {
        var h = hook(10);
        testUsers.signIn(Role.ADMIN);
        assertThatThrownBy(() -> hooks.create(
                        new HookService.NewHook(h.hook().getName(), null, null, List.of(), null, false, 0)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKeys("name", "ratePerMinute", "playbook", "targets"));
        var rotated = hooks.rotateSecret(h.hook());
        assertThatThrownBy(() -> hooks.rotateSecret(h.hook()))
                .isInstanceOf(com.infraconsole.base.StaleDataException.class);
        TestUsers.signOut();

        var body = "{}".getBytes(StandardCharsets.UTF_8);
        var old = mvc.perform(call(h.hook(), body)
                        .header("X-Gitlab-Token", h.secret())
                        .header("Idempotency-Key", "o"))
                .andReturn();
        var fresh = mvc.perform(call(h.hook(), body)
                        .header("X-Gitlab-Token", rotated.secret())
                        .header("Idempotency-Key", "n"))
                .andReturn();
        assertThat(old.getResponse().getStatus()).isEqualTo(401);
        assertThat(fresh.getResponse().getStatus()).isEqualTo(202);
        assertThat(rotated.secret()).isNotEqualTo(h.secret()).hasSize(64);
    }

    static long jobId(MvcResult r) throws Exception {
        return Long.parseLong(r.getResponse().getContentAsString().replaceAll(".*\"jobId\":(\\d+).*", "$1"));
    }

    static void assertNoSecretIn(List<AuditRow> rows, HookService.HookSecret h) {
        assertThat(rows)
                .allSatisfy(r -> assertThat(String.valueOf(r.changes()))
                        .doesNotContain(h.secret())
                        .doesNotContain(HookSignature.sign(h.secret(), "{}".getBytes(StandardCharsets.UTF_8))
                                .substring(7, 20)));
    }
}
