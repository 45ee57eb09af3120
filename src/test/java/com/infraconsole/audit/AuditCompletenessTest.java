package com.infraconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.credential.CredentialService;
import com.infraconsole.job.JobScheduleService;
import com.infraconsole.job.JobService;
import com.infraconsole.playbook.PlaybookService;
import com.infraconsole.security.Role;
import com.infraconsole.server.Server;
import com.infraconsole.server.ServerService;
import com.infraconsole.ticket.TicketService;
import com.infraconsole.user.UserService;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every public writing method of every service leaves exactly one audit row for its entity when
 * it commits and none when it fails. Arguments cannot be invented by reflection, so each method
 * has a scenario below; {@link #every_writing_service_method_has_a_scenario} fails as soon as a
 * service gains a writing method without one. A new service: add its scenarios here.
 */
@IntegrationTest
class AuditCompletenessTest {

    /** What a successful call should have left: one row for this entity with this action. */
    record Expected(String entityType, Object entityId, String action, long since) {}

    /** success: calls the method and says what it should have left; failure: sets up, then hands back the refused call. */
    record Scenario(Supplier<Expected> success, Supplier<Runnable> failure) {}

    @Autowired
    TestUsers testUsers;

    @Autowired
    ServerService servers;

    @Autowired
    UserService users;

    @Autowired
    AuditLogProbe audit;

    @Autowired
    PlaybookService playbooks;

    @Autowired
    TicketService tickets;

    @Autowired
    JobService jobs;

    @Autowired
    JobScheduleService schedules;

    @Autowired
    Scheduler scheduler;

    @Autowired
    com.infraconsole.notification.HookService hooks;

    @Autowired
    com.infraconsole.notification.NotificationService notifications;

    @Autowired
    CredentialService credentials;

    JobAuditScenarios jobScenarios;

    Map<String, Scenario> scenarios() {
        var all = new java.util.HashMap<>(coreScenarios());
        all.putAll(ManageAuditScenarios.of(testUsers, playbooks, tickets, audit));
        jobScenarios = new JobAuditScenarios(testUsers, jobs, schedules, playbooks, tickets, servers, scheduler, audit);
        all.putAll(jobScenarios.all());
        all.putAll(adminScenarios());
        all.putAll(NotificationAuditScenarios.of(testUsers, hooks, notifications, playbooks, servers, audit));
        all.putAll(CredentialAuditScenarios.of(testUsers, credentials, audit));
        all.putAll(TokenAuditScenarios.of(testUsers, apiTokens, userAdmin, audit));
        return all;
    }

    Map<String, Scenario> coreScenarios() {
        return Map.of(
                "ServerService.save",
                        new Scenario(
                                () -> {
                                    testUsers.signIn(Role.OPERATOR);
                                    long since = audit.lastSeq();
                                    var s = servers.save(
                                            AuditRecordingTest.server(servers, "cmp-" + System.nanoTime()));
                                    return new Expected("Server", s.getId(), "CREATE", since);
                                },
                                () -> {
                                    testUsers.signIn(Role.OPERATOR);
                                    return () -> servers.save(AuditRecordingTest.server(servers, "bad host"));
                                }),
                "ServerService.delete",
                        new Scenario(
                                () -> {
                                    var s = serverReadyToDelete();
                                    long since = audit.lastSeq();
                                    servers.delete(s);
                                    return new Expected("Server", s.getId(), "DELETE", since);
                                },
                                () -> {
                                    var s = serverReadyToDelete();
                                    var mine = servers.get(s.getId()).orElseThrow();
                                    s.setLocation("edited elsewhere");
                                    servers.save(s); // someone else saved first: my copy is stale
                                    return () -> servers.delete(mine);
                                }),
                "UserService.create",
                        new Scenario(
                                () -> {
                                    testUsers.signIn(Role.ADMIN);
                                    var name = "cmp-" + System.nanoTime();
                                    long since = audit.lastSeq();
                                    var u = users.create(
                                            name, name + "@example.test", Role.AUDITOR, TestUsers.PASSWORD, true);
                                    return new Expected("User", u.getId(), "CREATE", since);
                                },
                                () -> {
                                    testUsers.signIn(Role.ADMIN);
                                    return () -> users.create(
                                            "cmp-weak", "cmp-weak@example.test", Role.AUDITOR, "short", true);
                                }),
                "UserService.changeOwnPassword",
                        new Scenario(
                                () -> {
                                    var u = testUsers.signIn(Role.OPERATOR);
                                    long since = audit.lastSeq();
                                    users.changeOwnPassword(TestUsers.PASSWORD, "Another-Horse-Battery-42");
                                    return new Expected("User", u.getId(), "UPDATE", since);
                                },
                                () -> {
                                    testUsers.signIn(Role.OPERATOR);
                                    return () -> users.changeOwnPassword("wrong-password", "Another-Horse-Battery-42");
                                }));
    }

    @Autowired
    com.infraconsole.server.EnvironmentService environments;

    @Autowired
    com.infraconsole.server.ServerTransferService transfer;

    @Autowired
    com.infraconsole.user.UserAdminService userAdmin;

    @Autowired
    com.infraconsole.user.ApiTokenService apiTokens;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** Environments, user administration and server import (the admin branch). */
    Map<String, Scenario> adminScenarios() {
        return Map.ofEntries(
                Map.entry(
                        "EnvironmentService.save",
                        new Scenario(
                                () -> {
                                    testUsers.signIn(Role.ADMIN);
                                    long since = audit.lastSeq();
                                    var env = environments.save(
                                            new com.infraconsole.server.Environment("cmp-" + System.nanoTime(), null));
                                    return new Expected("Environment", env.getId(), "CREATE", since);
                                },
                                () -> {
                                    testUsers.signIn(Role.ADMIN);
                                    return () -> environments.save(
                                            new com.infraconsole.server.Environment("Bad Name!", null));
                                })),
                Map.entry(
                        "EnvironmentService.delete",
                        new Scenario(
                                () -> {
                                    testUsers.signIn(Role.ADMIN);
                                    var env = environments.save(new com.infraconsole.server.Environment(
                                            "cmp-del-" + System.nanoTime(), null));
                                    long since = audit.lastSeq();
                                    environments.delete(env);
                                    return new Expected("Environment", env.getId(), "DELETE", since);
                                },
                                () -> {
                                    testUsers.signIn(Role.ADMIN);
                                    var env = environments.save(new com.infraconsole.server.Environment(
                                            "cmp-st-" + System.nanoTime(), null));
                                    var mine = environments.get(env.getId()).orElseThrow();
                                    env.setDescription("edited elsewhere");
                                    environments.save(env);
                                    return () -> environments.delete(mine);
                                })),
                Map.entry(
                        "ServerTransferService.importValid",
                        new Scenario(
                                () -> {
                                    testUsers.signIn(Role.OPERATOR);
                                    var host = "cmp-imp-" + System.nanoTime() + ".example.test";
                                    long since = audit.lastSeq();
                                    transfer.importValid(
                                            "hostname,ip_address,environment\n" + host + ",10.0.0.9,staging\n",
                                            com.infraconsole.server.ImportFormat.CSV,
                                            null);
                                    var s = servers.list(
                                                    new com.infraconsole.server.ServerFilter(host, null, null),
                                                    org.springframework.data.domain.PageRequest.of(0, 1))
                                            .getFirst();
                                    return new Expected("Server", s.getId(), "SERVER_IMPORT", since);
                                },
                                () -> {
                                    testUsers.signIn(Role.OPERATOR);
                                    return () ->
                                            transfer.importValid(" ", com.infraconsole.server.ImportFormat.CSV, null);
                                })),
                Map.entry(
                        "UserAdminService.createWithGeneratedPassword",
                        new Scenario(
                                () -> {
                                    testUsers.signIn(Role.ADMIN);
                                    var name = "cmp-g-" + System.nanoTime();
                                    long since = audit.lastSeq();
                                    var u = userAdmin
                                            .createWithGeneratedPassword(name, name + "@example.test", Role.OPERATOR)
                                            .user();
                                    return new Expected("User", u.getId(), "CREATE", since);
                                },
                                () -> {
                                    testUsers.signIn(Role.ADMIN);
                                    return () -> userAdmin.createWithGeneratedPassword(
                                            "cmp-g-bad", "not-an-email", Role.OPERATOR);
                                })),
                Map.entry(
                        "UserAdminService.changeRole",
                        new Scenario(
                                () -> {
                                    var target = testUsers.create(Role.OPERATOR);
                                    testUsers.signIn(Role.ADMIN);
                                    long since = audit.lastSeq();
                                    userAdmin.changeRole(target, Role.AUDITOR);
                                    return new Expected("User", target.getId(), "ROLE_CHANGE", since);
                                },
                                () -> {
                                    var me = testUsers.signIn(Role.ADMIN);
                                    return () -> userAdmin.changeRole(me, Role.OPERATOR);
                                })),
                Map.entry(
                        "UserAdminService.deactivate",
                        new Scenario(
                                () -> {
                                    var target = testUsers.create(Role.OPERATOR);
                                    testUsers.signIn(Role.ADMIN);
                                    long since = audit.lastSeq();
                                    userAdmin.deactivate(target);
                                    return new Expected("User", target.getId(), "USER_DEACTIVATE", since);
                                },
                                () -> {
                                    var me = testUsers.signIn(Role.ADMIN);
                                    return () -> userAdmin.deactivate(me);
                                })),
                Map.entry(
                        "UserAdminService.reactivate",
                        new Scenario(
                                () -> {
                                    var target = testUsers.create(Role.OPERATOR);
                                    testUsers.signIn(Role.ADMIN);
                                    var inactive = userAdmin.deactivate(target);
                                    long since = audit.lastSeq();
                                    userAdmin.reactivate(inactive);
                                    return new Expected("User", target.getId(), "USER_REACTIVATE", since);
                                },
                                () -> {
                                    var target = testUsers.create(Role.OPERATOR);
                                    testUsers.signIn(Role.ADMIN);
                                    userAdmin.changeRole(
                                            target, Role.AUDITOR); // someone else saved first: target is stale
                                    return () -> userAdmin.reactivate(target);
                                })),
                Map.entry(
                        "UserAdminService.unlock",
                        new Scenario(
                                () -> {
                                    var target = testUsers.create(Role.OPERATOR);
                                    jdbc.update(
                                            "UPDATE users SET locked_until = ?, failed_login_attempts = 10 WHERE id = ?",
                                            java.sql.Timestamp.from(
                                                    java.time.Instant.now().plusSeconds(3600)),
                                            target.getId());
                                    testUsers.signIn(Role.ADMIN);
                                    long since = audit.lastSeq();
                                    userAdmin.unlock(target);
                                    return new Expected("User", target.getId(), "USER_UNLOCK", since);
                                },
                                () -> {
                                    var target = testUsers.create(Role.OPERATOR);
                                    testUsers.signIn(Role.ADMIN);
                                    userAdmin.changeRole(
                                            target, Role.AUDITOR); // someone else saved first: target is stale
                                    return () -> userAdmin.unlock(target);
                                })),
                Map.entry(
                        "UserAdminService.resetPassword",
                        new Scenario(
                                () -> {
                                    var target = testUsers.create(Role.OPERATOR);
                                    testUsers.signIn(Role.ADMIN);
                                    long since = audit.lastSeq();
                                    userAdmin.resetPassword(target);
                                    return new Expected("User", target.getId(), "PASSWORD_RESET", since);
                                },
                                () -> {
                                    var target = testUsers.create(Role.OPERATOR);
                                    testUsers.signIn(Role.ADMIN);
                                    userAdmin.changeRole(
                                            target, Role.AUDITOR); // someone else saved first: target is stale
                                    return () -> userAdmin.resetPassword(target);
                                })));
    }

    @AfterEach
    void signOutAndResumeDispatch() throws SchedulerException {
        TestUsers.signOut();
        if (jobScenarios != null) {
            jobScenarios.resumeDispatch();
        }
    }

    @Test
    void every_writing_service_method_has_a_scenario() {
        assertThat(new TreeSet<>(scenarios().keySet())).containsExactlyElementsOf(writingServiceMethods());
    }

    @TestFactory
    Stream<DynamicTest> each_writing_method_leaves_one_row_on_commit_and_none_on_failure() {
        return scenarios().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
                    var expected = e.getValue().success().get();
                    // Rows of this call's actor only: a background task (a job finishing elsewhere) is not this call.
                    var actor = Actor.current().username();
                    var rows = audit.since(expected.since()).stream()
                            .filter(r -> actor.equals(r.username()))
                            .toList();
                    assertThat(rows)
                            .as(e.getKey() + ": rows for other entities")
                            .allSatisfy(r -> assertThat(r.entityId()).isEqualTo(String.valueOf(expected.entityId())));
                    assertThat(rows)
                            .as(e.getKey() + " after commit")
                            .singleElement()
                            .satisfies(r -> assertThat(r.action()).isEqualTo(expected.action()));
                    TestUsers.signOut();

                    var refusedCall = e.getValue().failure().get();
                    var failingActor = Actor.current().username();
                    long beforeFailure = audit.lastSeq();
                    assertThatThrownBy(refusedCall::run)
                            .as(e.getKey() + " must fail")
                            .isInstanceOf(RuntimeException.class);
                    // A refused call records no change; an access denial is a security event (outcome DENIED) and
                    // belongs.
                    assertThat(audit.since(beforeFailure))
                            .as(e.getKey() + " after failure")
                            .noneMatch(r -> failingActor.equals(r.username()) && !"DENIED".equals(r.outcome()));
                }));
    }

    private Server serverReadyToDelete() {
        testUsers.signIn(Role.ADMIN);
        return servers.save(AuditRecordingTest.server(servers, "cmp-del-" + System.nanoTime()));
    }

    /** Public methods of @Service classes that run in a writing transaction. */
    static TreeSet<String> writingServiceMethods() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Service.class));
        var result = new TreeSet<String>();
        for (var bd : scanner.findCandidateComponents("com.infraconsole")) {
            Class<?> type;
            try {
                type = Class.forName(bd.getBeanClassName());
            } catch (ClassNotFoundException ex) {
                throw new IllegalStateException(ex);
            }
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && writes(type, m)) {
                    result.add(type.getSimpleName() + "." + m.getName());
                }
            }
        }
        return result;
    }

    private static boolean writes(Class<?> type, Method m) {
        var tx = AnnotatedElementUtils.findMergedAnnotation(m, Transactional.class);
        if (tx == null) {
            tx = AnnotatedElementUtils.findMergedAnnotation(type, Transactional.class);
        }
        return tx != null && !tx.readOnly();
    }
}
