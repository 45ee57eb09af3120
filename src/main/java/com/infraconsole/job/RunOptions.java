package com.infraconsole.job;

import com.infraconsole.base.audit.AuditMasked;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * How a playbook runs, the same for a job and for the schedule that launches jobs: the columns
 * {@code extra_vars}, {@code check_mode}, {@code verbosity} and {@code open_ticket_on_failure},
 * which {@code jobs} and {@code job_schedules} both have. The audit log records each as its own
 * property, as before (the audit listener flattens embeddables).
 */
@Embeddable
@NullMarked
class RunOptions {

    /** Secrets in it are masked in the audit log and on pages; ansible-playbook gets it as typed. */
    @AuditMasked(AuditMasked.Scope.SECRETS_IN_YAML)
    @Column(name = "extra_vars", columnDefinition = "text")
    private @Nullable String extraVars;

    @Column(name = "check_mode", nullable = false)
    private boolean checkMode;

    @Column(nullable = false)
    private int verbosity;

    @Column(name = "open_ticket_on_failure", nullable = false)
    private boolean openTicketOnFailure;

    protected RunOptions() {}

    RunOptions(@Nullable String extraVars, boolean checkMode, int verbosity, boolean openTicketOnFailure) {
        this.extraVars = extraVars;
        this.checkMode = checkMode;
        this.verbosity = verbosity;
        this.openTicketOnFailure = openTicketOnFailure;
    }

    @Nullable
    String extraVars() {
        return extraVars;
    }

    boolean checkMode() {
        return checkMode;
    }

    int verbosity() {
        return verbosity;
    }

    boolean openTicketOnFailure() {
        return openTicketOnFailure;
    }
}
