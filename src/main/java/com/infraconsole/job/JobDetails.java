package com.infraconsole.job;

import com.infraconsole.base.audit.SecretYaml;
import java.util.List;
import java.util.Map;

/** A job with the names a person needs to read it. */
public record JobDetails(
        Job job, String playbookName, String username, List<Target> targets, Map<String, Map<String, Integer>> recap) {

    public record Target(long serverId, String hostname, String ipAddress, boolean local) {}

    /** The extra vars as pages show them: values under secret-looking keys and vaulted values masked. */
    public String maskedExtraVars() {
        return SecretYaml.mask(job.getExtraVars());
    }
}
