package com.infraconsole.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the hosts of an Ansible INI inventory: [group] sections with host lines and their
 * key=value host vars, [group:vars] defaults, and [group:children] nesting: a host of a child
 * group also belongs to its parent groups (so [production:children] webservers puts the web
 * servers in production). A host listed in several groups is one host with all those groups,
 * its own groups first; its first line is where the report points.
 */
final class AnsibleInventory {

    record Host(int line, String name, List<String> groups, Map<String, String> vars, String problem) {}

    private static final Pattern SECTION = Pattern.compile("\\[([^\\]:]+)(?::(vars|children))?\\]");
    /** The blanks between tokens: what {@code \s} matches in a Java regular expression. */
    private static final String BLANKS = " \t\n\u000B\f\r";

    private AnsibleInventory() {}

    static List<Host> parse(String text) {
        return parse(text, Integer.MAX_VALUE);
    }

    /** Reads line by line and stops with an ImportLimitException at the first host beyond maxHosts. */
    static List<Host> parse(String text, int maxHosts) {
        var hosts = new LinkedHashMap<String, Host>();
        var groupVars = new HashMap<String, Map<String, String>>();
        var parents = new HashMap<String, List<String>>();
        String group = "ungrouped";
        String mode = "hosts";
        var lines = text.replace("\uFEFF", "").lines().iterator();
        for (int i = 0; lines.hasNext(); i++) {
            if (hosts.size() > maxHosts) {
                throw ImportLimitException.tooManyRows();
            }
            var line = lines.next().strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            var section = SECTION.matcher(line);
            if (section.matches()) {
                group = section.group(1).strip();
                mode = section.group(2) == null ? "hosts" : section.group(2);
                continue;
            }
            var tokens = tokens(line);
            if (tokens.isEmpty() && !"vars".equals(mode)) {
                // Only quotes that never close, e.g. a lone ": a rejected row of its own, not a crash.
                hosts.put(
                        " line " + (i + 1),
                        new Host(
                                i + 1,
                                line,
                                new ArrayList<>(List.of(group)),
                                Map.of(),
                                "the line has a quote that is never closed"));
                continue;
            }
            switch (mode) {
                case "vars" -> {
                    var kv = line.split("=", 2);
                    if (kv.length == 2) {
                        groupVars
                                .computeIfAbsent(group, g -> new HashMap<>())
                                .put(kv[0].strip(), unquote(kv[1].strip()));
                    }
                }
                case "children" ->
                    parents.computeIfAbsent(tokens.getFirst(), g -> new ArrayList<>())
                            .add(group);
                default -> addHost(hosts, i + 1, group, tokens);
            }
        }
        if (hosts.size() > maxHosts) {
            throw ImportLimitException.tooManyRows();
        }
        // Group vars fill in what the host line did not say; "all" applies last.
        var result = new ArrayList<Host>();
        for (var host : hosts.values()) {
            var groups = withAncestors(host.groups(), parents);
            var vars = new HashMap<>(host.vars());
            for (var g : groups) {
                groupVars.getOrDefault(g, Map.of()).forEach(vars::putIfAbsent);
            }
            groupVars.getOrDefault("all", Map.of()).forEach(vars::putIfAbsent);
            result.add(new Host(host.line(), host.name(), groups, vars, host.problem()));
        }
        return result;
    }

    /** The groups, then their parents, grandparents and so on, each once; cycles end the walk. */
    private static List<String> withAncestors(List<String> groups, Map<String, List<String>> parents) {
        var all = new java.util.LinkedHashSet<>(groups);
        var queue = new java.util.ArrayDeque<>(groups);
        while (!queue.isEmpty()) {
            for (var parent : parents.getOrDefault(queue.poll(), List.of())) {
                if (all.add(parent)) {
                    queue.add(parent);
                }
            }
        }
        return List.copyOf(all);
    }

    private static void addHost(Map<String, Host> hosts, int line, String group, List<String> tokens) {
        var name = tokens.getFirst();
        var existing = hosts.get(name.toLowerCase());
        if (existing != null) {
            existing.groups().add(group);
            return;
        }
        var vars = new HashMap<String, String>();
        String problem = null;
        for (var token : tokens.subList(1, tokens.size())) {
            var kv = token.split("=", 2);
            if (kv.length != 2) {
                problem = "\"" + token + "\" is not a key=value host variable";
            } else {
                vars.put(kv[0], unquote(kv[1]));
            }
        }
        if (name.contains("[") && name.contains(":")) {
            problem = "host ranges like " + name + " are not supported; list the hosts one by one";
        }
        var groups = new ArrayList<String>();
        groups.add(group);
        hosts.put(name.toLowerCase(), new Host(line, name, groups, vars, problem));
    }

    /**
     * The line's tokens: runs of non-blank characters, in which a quoted string ("..." or '...')
     * may hold blanks; a quote that never closes is dropped.
     * A scan, not a regular expression: a repeated group recursed once per character and
     * overflowed the stack on a line of some thousand characters.
     */
    private static List<String> tokens(String line) {
        var tokens = new ArrayList<String>();
        int i = 0;
        while (i < line.length()) {
            int end = tokenEnd(line, i);
            if (end == i) {
                i++; // a blank, or a quote that never closes
                continue;
            }
            var token = line.substring(i, end);
            if (token.startsWith("#")) {
                break; // trailing comment
            }
            tokens.add(token);
            i = end;
        }
        return tokens;
    }

    private static int tokenEnd(String line, int from) {
        int i = from;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"' || c == '\'') {
                int close = line.indexOf(c, i + 1);
                if (close < 0) {
                    return i;
                }
                i = close + 1;
            } else if (BLANKS.indexOf(c) >= 0) {
                return i;
            } else {
                i++;
            }
        }
        return i;
    }

    private static String unquote(String value) {
        if (value.length() >= 2
                && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
