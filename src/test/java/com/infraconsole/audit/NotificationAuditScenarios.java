package com.infraconsole.audit;

import com.infraconsole.TestUsers;
import com.infraconsole.audit.AuditCompletenessTest.Expected;
import com.infraconsole.audit.AuditCompletenessTest.Scenario;
import com.infraconsole.notification.HookService;
import com.infraconsole.notification.NotificationChannel;
import com.infraconsole.notification.NotificationEvent;
import com.infraconsole.notification.NotificationService;
import com.infraconsole.playbook.Playbook;
import com.infraconsole.playbook.PlaybookService;
import com.infraconsole.security.Role;
import com.infraconsole.server.ServerService;
import java.util.List;
import java.util.Map;

/** The audit completeness scenarios of launch hooks and notification rules. */
final class NotificationAuditScenarios {

    private NotificationAuditScenarios() {}

    static Map<String, Scenario> of(
            TestUsers testUsers,
            HookService hooks,
            NotificationService notifications,
            PlaybookService playbooks,
            ServerService servers,
            AuditLogProbe audit) {
        java.util.function.Supplier<HookService.HookSecret> newHook = () -> {
            testUsers.signIn(Role.ADMIN);
            var p = playbooks.save(new Playbook("cmp-hook-" + System.nanoTime(), null, ManageAuditScenarios.YAML));
            var s = servers.save(AuditRecordingTest.server(servers, "cmp-hook-" + System.nanoTime()));
            return hooks.create(new HookService.NewHook(
                    "cmp-hook-" + System.nanoTime(), null, p.getId(), List.of(s.getId()), null, false, 10));
        };
        java.util.function.Supplier<NotificationService.CreatedRule> newRule = () -> {
            testUsers.signIn(Role.ADMIN);
            return notifications.create(new NotificationService.NewRule(
                    "cmp-rule-" + System.nanoTime(),
                    NotificationEvent.JOB_FAILED,
                    NotificationChannel.SLACK,
                    "http://127.0.0.1:9/hook"));
        };
        return Map.of(
                "HookService.create",
                        new Scenario(
                                () -> {
                                    testUsers.signIn(Role.ADMIN);
                                    var p = playbooks.save(new Playbook(
                                            "cmp-hook-" + System.nanoTime(), null, ManageAuditScenarios.YAML));
                                    var s = servers.save(
                                            AuditRecordingTest.server(servers, "cmp-hook-" + System.nanoTime()));
                                    long since = audit.lastSeq();
                                    var h = hooks.create(new HookService.NewHook(
                                            "cmp-hook-" + System.nanoTime(),
                                            null,
                                            p.getId(),
                                            List.of(s.getId()),
                                            null,
                                            false,
                                            10));
                                    return new Expected("LaunchHook", h.hook().getId(), "HOOK_CREATE", since);
                                },
                                () -> {
                                    testUsers.signIn(Role.ADMIN);
                                    return () -> hooks.create(
                                            new HookService.NewHook(" ", null, null, List.of(), null, false, 10));
                                }),
                "HookService.rotateSecret",
                        new Scenario(
                                () -> {
                                    var h = newHook.get();
                                    long since = audit.lastSeq();
                                    hooks.rotateSecret(h.hook());
                                    return new Expected("LaunchHook", h.hook().getId(), "HOOK_ROTATE_SECRET", since);
                                },
                                () -> {
                                    var h = newHook.get();
                                    hooks.rotateSecret(h.hook()); // someone else rotated first: my copy is stale
                                    return () -> hooks.rotateSecret(h.hook());
                                }),
                "HookService.delete",
                        new Scenario(
                                () -> {
                                    var h = newHook.get();
                                    long since = audit.lastSeq();
                                    hooks.delete(h.hook());
                                    return new Expected("LaunchHook", h.hook().getId(), "HOOK_DELETE", since);
                                },
                                () -> {
                                    var h = newHook.get();
                                    hooks.rotateSecret(h.hook());
                                    return () -> hooks.delete(h.hook());
                                }),
                "NotificationService.create",
                        new Scenario(
                                () -> {
                                    testUsers.signIn(Role.ADMIN);
                                    long since = audit.lastSeq();
                                    var r = notifications.create(new NotificationService.NewRule(
                                            "cmp-rule-" + System.nanoTime(),
                                            NotificationEvent.JOB_FAILED,
                                            NotificationChannel.EMAIL,
                                            "ops@example.test"));
                                    return new Expected(
                                            "NotificationRule", r.rule().getId(), "NOTIFICATION_RULE_CREATE", since);
                                },
                                () -> {
                                    testUsers.signIn(Role.ADMIN);
                                    return () -> notifications.create(new NotificationService.NewRule(
                                            "cmp-bad",
                                            NotificationEvent.JOB_FAILED,
                                            NotificationChannel.EMAIL,
                                            "not-an-address"));
                                }),
                "NotificationService.setEnabled",
                        new Scenario(
                                () -> {
                                    var r = newRule.get();
                                    long since = audit.lastSeq();
                                    notifications.setEnabled(r.rule(), false);
                                    return new Expected(
                                            "NotificationRule", r.rule().getId(), "NOTIFICATION_RULE_ENABLE", since);
                                },
                                () -> {
                                    var r = newRule.get();
                                    notifications.setEnabled(r.rule(), false);
                                    return () -> notifications.setEnabled(r.rule(), true);
                                }),
                "NotificationService.delete",
                        new Scenario(
                                () -> {
                                    var r = newRule.get();
                                    long since = audit.lastSeq();
                                    notifications.delete(r.rule());
                                    return new Expected(
                                            "NotificationRule", r.rule().getId(), "NOTIFICATION_RULE_DELETE", since);
                                },
                                () -> {
                                    var r = newRule.get();
                                    notifications.setEnabled(r.rule(), false);
                                    return () -> notifications.delete(r.rule());
                                }));
    }
}
