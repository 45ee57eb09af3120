package com.infraconsole.job;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Replaces every secret a run was given by {@value #MASK} in its output before a line is stored
 * or shown, as AWX does: each value, each line of a key, and their base64 form. Longest first, so
 * that a value containing another is masked whole. A playbook that transforms a secret otherwise
 * (reverses it, hashes it, sends it elsewhere) is beyond any mask: docs/security.md.
 */
final class SecretMask {

    static final String MASK = "********";
    static final SecretMask NONE = new SecretMask(List.of());
    /** Shorter values would mask ordinary words. */
    private static final int MIN_LENGTH = 4;

    private final List<String> values;

    SecretMask(Collection<String> secrets) {
        var all = new LinkedHashSet<String>();
        for (var s : secrets) {
            if (s != null && s.length() >= MIN_LENGTH) {
                all.add(s);
                // As a file reads: a key file ends with a newline.
                for (var form : List.of(s, s + "\n")) {
                    all.add(Base64.getEncoder().encodeToString(form.getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
        values = all.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    String apply(String line) {
        var out = line;
        for (var v : values) {
            if (out.contains(v)) {
                out = out.replace(v, MASK);
            }
        }
        return out;
    }
}
