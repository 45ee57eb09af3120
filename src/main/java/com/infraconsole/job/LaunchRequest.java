package com.infraconsole.job;

import java.util.List;

/**
 * What a user asks to run.
 *
 * @param extraVars YAML or JSON mapping, or blank
 * @param verbosity 0 to 4 (-v to -vvvv)
 * @param timeoutSeconds null for the default timeout
 * @param credentialIds credentials for this run, at most one of each kind; an SSH key or password here
 *     overrides the servers' and environments' defaults
 */
public record LaunchRequest(
        Long playbookId,
        List<Long> serverIds,
        String extraVars,
        boolean checkMode,
        int verbosity,
        Integer timeoutSeconds,
        boolean openTicketOnFailure,
        List<Long> credentialIds) {

    public LaunchRequest {
        credentialIds = credentialIds == null ? List.of() : List.copyOf(credentialIds);
    }

    public LaunchRequest(
            Long playbookId,
            List<Long> serverIds,
            String extraVars,
            boolean checkMode,
            int verbosity,
            Integer timeoutSeconds,
            boolean openTicketOnFailure) {
        this(playbookId, serverIds, extraVars, checkMode, verbosity, timeoutSeconds, openTicketOnFailure, List.of());
    }

    public static LaunchRequest of(long playbookId, List<Long> serverIds) {
        return new LaunchRequest(playbookId, serverIds, null, false, 0, null, false);
    }

    public LaunchRequest withCredentials(List<Long> ids) {
        return new LaunchRequest(
                playbookId, serverIds, extraVars, checkMode, verbosity, timeoutSeconds, openTicketOnFailure, ids);
    }

    public LaunchRequest withExtraVars(String vars) {
        return new LaunchRequest(
                playbookId, serverIds, vars, checkMode, verbosity, timeoutSeconds, openTicketOnFailure, credentialIds);
    }

    public LaunchRequest withTimeout(Integer seconds) {
        return new LaunchRequest(
                playbookId, serverIds, extraVars, checkMode, verbosity, seconds, openTicketOnFailure, credentialIds);
    }

    public LaunchRequest withTicketOnFailure(boolean open) {
        return new LaunchRequest(
                playbookId, serverIds, extraVars, checkMode, verbosity, timeoutSeconds, open, credentialIds);
    }
}
