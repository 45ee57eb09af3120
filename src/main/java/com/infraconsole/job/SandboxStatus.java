package com.infraconsole.job;

/**
 * Whether jobs run isolated from the console, for the launch check and the screens' warnings.
 *
 * @param enabled false when switched off by {@code INFRA_JOB_SANDBOX=off}
 * @param available jobs can start (always true when switched off)
 * @param problem one line naming the fix when jobs are refused, else null
 */
public record SandboxStatus(boolean enabled, boolean available, String problem) {

    /** The line every screen shows while jobs run with the console's own rights. */
    public static final String UNSANDBOXED_WARNING = "Jobs run WITHOUT the job sandbox (INFRA_JOB_SANDBOX=off):"
            + " any playbook can read the console's files, environment and database credentials."
            + " Turn it back on (see docs/security.md).";

    /** The warning a screen shows, or null when jobs run isolated. */
    public String warning() {
        return !enabled ? UNSANDBOXED_WARNING : available ? null : problem;
    }
}
