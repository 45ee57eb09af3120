package com.infraconsole.job;

import com.infraconsole.security.Role;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which extra vars only admins may set. Extra vars are Ansible's strongest variables: they
 * override the inventory and the playbook's own vars. The {@code ansible_*} ones among them
 * choose how Ansible connects and what it runs: {@code ansible_connection: local}, an SSH
 * ProxyCommand in {@code ansible_ssh_common_args}, another python, shell, ssh or sudo binary.
 * So an operator may set only the few that say where and as whom to connect (what an operator
 * can already change on a server) and passwords; every other {@code ansible_*} name is refused,
 * including ones a later Ansible or a collection adds. Only top-level keys are variables; the
 * names are compared ignoring case and surrounding blanks (Ansible's are exact: refusing more
 * costs nothing). See docs/decisions/044-extra-vars-policy.md.
 */
final class ExtraVarsPolicy {

    static final Set<String> OPERATOR_MAY_SET = Set.of(
            "ansible_host",
            "ansible_ssh_host",
            "ansible_port",
            "ansible_ssh_port",
            "ansible_user",
            "ansible_ssh_user",
            "ansible_password",
            "ansible_ssh_pass",
            "ansible_ssh_password",
            "ansible_become",
            "ansible_become_user",
            "ansible_become_password",
            "ansible_become_pass",
            "ansible_timeout",
            "ansible_ssh_timeout",
            "ansible_ssh_retries",
            "ansible_pipelining",
            "ansible_ssh_pipelining");

    private ExtraVarsPolicy() {}

    /** The field message refusing the admin-only keys among these top-level keys, or empty. */
    static Optional<String> refusal(Collection<?> topLevelKeys, Role role) {
        if (role == Role.ADMIN) {
            return Optional.empty();
        }
        var refused = topLevelKeys.stream()
                .map(String::valueOf)
                .filter(ExtraVarsPolicy::adminOnly)
                .sorted()
                .toList();
        if (refused.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Only admins may set " + String.join(", ", refused) + " (how Ansible connects or what it"
                + " runs). Of the ansible_ variables, operators may set host, port, user, passwords and become"
                + " (ansible_become, ansible_become_user)");
    }

    static boolean adminOnly(String key) {
        var k = key.strip().toLowerCase(Locale.ROOT);
        return k.startsWith("ansible_") && !OPERATOR_MAY_SET.contains(k);
    }
}
