package com.infraconsole.job;

import java.nio.charset.StandardCharsets;
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
    static final int MAX_JSON_BYTES = 60_000;
    private static final int MAX_HOSTS = 2_000;
    private final Map<String, Map<String, Integer>> hosts = new LinkedHashMap<>();
    private boolean inRecap;

    synchronized void accept(String line) {
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
        if (hosts.size() >= MAX_HOSTS && !hosts.containsKey(m.group(1))) {
            return; // Far more than a job's targets: not a real recap, and memory stays bounded.
        }
        var counters = new LinkedHashMap<String, Integer>();
        var c = COUNTER.matcher(m.group(2));
        while (c.find()) {
            counters.put(c.group(1), count(c.group(2)));
        }
        hosts.put(m.group(1), counters);
    }

    /** A counter as printed; a number too big for an int (not Ansible's output, but printable) is capped. */
    private static int count(String digits) {
        var d = digits.replaceFirst("^0+(?=\\d)", "");
        return d.length() > 10 || Long.parseLong(d) > Integer.MAX_VALUE ? Integer.MAX_VALUE : Integer.parseInt(d);
    }

    /**
     * The recap as JSON, at most {@link #MAX_JSON_BYTES} (jobs.recap is TEXT): hosts beyond that are
     * left out, so that an output full of recap-like lines can never make the final status unwritable.
     */
    synchronized String toJson() {
        if (hosts.isEmpty()) {
            return null;
        }
        var json = JSON.writeValueAsString(hosts);
        if (json.getBytes(StandardCharsets.UTF_8).length <= MAX_JSON_BYTES) {
            return json;
        }
        var fitting = new LinkedHashMap<String, Map<String, Integer>>();
        for (var e : hosts.entrySet()) {
            fitting.put(e.getKey(), e.getValue());
            if (JSON.writeValueAsString(fitting).getBytes(StandardCharsets.UTF_8).length > MAX_JSON_BYTES) {
                fitting.remove(e.getKey());
                break;
            }
        }
        return fitting.isEmpty() ? null : JSON.writeValueAsString(fitting);
    }

    static Map<String, Map<String, Integer>> parse(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        return JSON.readValue(json, new TypeReference<Map<String, Map<String, Integer>>>() {});
    }
}
