package com.infraconsole.job;

import com.infraconsole.security.Role;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Extra vars are a YAML or JSON mapping (JSON is YAML), handed to ansible-playbook as -e @file. */
final class ExtraVars {

    /** jobs.extra_vars and job_schedules.extra_vars are TEXT: 65,535 bytes, however many characters. */
    static final int MAX_BYTES = 65_535;

    private ExtraVars() {}

    /** An error message, or empty when the text is blank or a valid mapping this role may use. */
    static Optional<String> check(String text, Role role) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        int bytes = text.strip().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return Optional.of(
                    String.format("Extra vars must be at most 65,535 bytes (UTF-8); these are %,d bytes", bytes));
        }
        try {
            var options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(50);
            Object value = new Yaml(new AnsibleYamlConstructor(options)).load(text);
            if (!(value instanceof Map<?, ?> vars)) {
                return Optional.of("Extra vars must be a mapping such as {\"version\": \"1.2\"} or version: 1.2");
            }
            return ExtraVarsPolicy.refusal(vars.keySet(), role);
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            return Optional.of("Not valid YAML or JSON"
                    + (mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1))
                    + ": " + e.getProblem());
        } catch (RuntimeException e) {
            return Optional.of("Not valid YAML or JSON: " + e.getMessage());
        }
    }
}
