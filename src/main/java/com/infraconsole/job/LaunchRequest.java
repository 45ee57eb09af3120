package com.infraconsole.job;

import java.util.List;

/**
 * What a user asks to run.
 *
 * @param extraVars YAML or JSON mapping, or blank
 * @param verbosity 0 to 4 (-v to -vvvv)
 * @param timeoutSeconds null for the default timeout
 */
public record LaunchRequest(Long playbookId, List<Long> serverIds, String extraVars, boolean checkMode, int verbosity,
        Integer timeoutSeconds, boolean openTicketOnFailure) {

    public static LaunchRequest of(long playbookId, List<Long> serverIds) {
        return new LaunchRequest(playbookId, serverIds, null, false, 0, null, false);
    }

    public LaunchRequest withExtraVars(String vars) {
        return new LaunchRequest(playbookId, serverIds, vars, checkMode, verbosity, timeoutSeconds, openTicketOnFailure);
    }

    public LaunchRequest withTimeout(Integer seconds) {
        return new LaunchRequest(playbookId, serverIds, extraVars, checkMode, verbosity, seconds, openTicketOnFailure);
    }

    public LaunchRequest withTicketOnFailure(boolean open) {
        return new LaunchRequest(playbookId, serverIds, extraVars, checkMode, verbosity, timeoutSeconds, open);
    }
}
