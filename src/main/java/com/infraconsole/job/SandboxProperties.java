package com.infraconsole.job;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code infra.jobs.sandbox}: how ansible-playbook is isolated from the console
 * (docs/security.md).
 *
 * @param mode {@code on} (default): every run starts inside bubblewrap, and jobs are refused when
 *     it cannot start; {@code off} ({@code INFRA_JOB_SANDBOX=off}): runs start without it, which
 *     is audited at start-up and shown as a warning on the dashboard and the Database screen
 * @param bwrap the bubblewrap executable
 * @param setpriv util-linux's setpriv, used to drop to {@code uid}/{@code gid} when the console
 *     runs as root
 * @param uid the unprivileged user id a run has, inside the sandbox and, when the console runs as
 *     root, on the host too (default 65534, "nobody"; a dedicated system user is better)
 * @param gid its group id
 * @param readOnlyPaths extra host paths shown read-only inside, at the same place (for example an
 *     Ansible virtualenv under /opt); never a path holding secrets
 * @param sshDir a directory shown read-only as the run's {@code ~/.ssh} (keys and known_hosts for
 *     the fleet, owned by {@code uid}); every playbook can read what it holds
 */
@ConfigurationProperties("infra.jobs.sandbox")
public record SandboxProperties(
        String mode,
        String bwrap,
        String setpriv,
        Integer uid,
        Integer gid,
        List<String> readOnlyPaths,
        String sshDir) {

    public SandboxProperties {
        mode = mode == null || mode.isBlank() ? "on" : mode.strip().toLowerCase(java.util.Locale.ROOT);
        if (!mode.equals("on") && !mode.equals("off")) {
            throw new IllegalArgumentException(
                    "infra.jobs.sandbox.mode (INFRA_JOB_SANDBOX) is 'on' or 'off', not '" + mode + "'");
        }
        bwrap = bwrap == null || bwrap.isBlank() ? "/usr/bin/bwrap" : bwrap;
        setpriv = setpriv == null || setpriv.isBlank() ? "/usr/bin/setpriv" : setpriv;
        uid = uid == null ? 65534 : uid;
        gid = gid == null ? 65534 : gid;
        if (uid <= 0 || gid <= 0) {
            throw new IllegalArgumentException("infra.jobs.sandbox.uid and gid must be unprivileged (above 0)");
        }
        readOnlyPaths = readOnlyPaths == null ? List.of() : List.copyOf(readOnlyPaths);
        sshDir = sshDir == null || sshDir.isBlank() ? null : sshDir;
    }

    boolean enabled() {
        return mode.equals("on");
    }
}
