package com.infraconsole.job;

import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Extra vars are a YAML or JSON mapping (JSON is YAML), handed to ansible-playbook as -e @file. */
final class ExtraVars {

    private ExtraVars() {}

    /** An error message, or empty when the text is blank or a valid mapping. */
    static Optional<String> check(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (text.length() > 65_000) {
            return Optional.of("Extra vars must be at most 65,000 characters");
        }
        try {
            var options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(50);
            Object value = new Yaml(new SafeConstructor(options)).load(text);
            if (!(value instanceof Map<?, ?>)) {
                return Optional.of("Extra vars must be a mapping such as {\"version\": \"1.2\"} or version: 1.2");
            }
            return Optional.empty();
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            return Optional.of("Not valid YAML or JSON" + (mark == null ? "" : " at line " + (mark.getLine() + 1)
                    + ", column " + (mark.getColumn() + 1)) + ": " + e.getProblem());
        } catch (RuntimeException e) {
            return Optional.of("Not valid YAML or JSON: " + e.getMessage());
        }
    }
}
