package com.infraconsole.job;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Collects the PLAY RECAP lines of ansible-playbook's output, e.g.
 * {@code web-01 : ok=3 changed=1 unreachable=0 failed=0 skipped=0 rescued=0 ignored=0},
 * into host -> counter -> value.
 */
final class PlayRecap {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern HOST_LINE = Pattern.compile("^(\\S+)\\s*:\\s*((?:[a-z]+=\\d+\\s*)+)$");
    private static final Pattern COUNTER = Pattern.compile("([a-z]+)=(\\d+)");
    private final Map<String, Map<String, Integer>> hosts = new LinkedHashMap<>();
    private boolean inRecap;

    void accept(String line) {
        if (line.startsWith("PLAY RECAP")) {
            inRecap = true;
            return;
        }
        if (!inRecap) {
            return;
        }
        var m = HOST_LINE.matcher(line.strip());
        if (!m.matches()) {
            if (!line.isBlank()) {
                inRecap = false;
            }
            return;
        }
        var counters = new LinkedHashMap<String, Integer>();
        var c = COUNTER.matcher(m.group(2));
        while (c.find()) {
            counters.put(c.group(1), Integer.parseInt(c.group(2)));
        }
        hosts.put(m.group(1), counters);
    }

    String toJson() {
        return hosts.isEmpty() ? null : JSON.writeValueAsString(hosts);
    }

    static Map<String, Map<String, Integer>> parse(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        return JSON.readValue(json, new TypeReference<Map<String, Map<String, Integer>>>() {});
    }
}
