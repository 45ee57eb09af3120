package com.infraconsole.audit.ui;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One line of a row's diff, in words a non-developer reads: "Ssh port: 22 -> 2222". */
record FieldChange(String field, String before, String after) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static List<FieldChange> parse(String changes) {
        var result = new ArrayList<FieldChange>();
        if (changes == null || changes.isBlank()) {
            return result;
        }
        for (var e : JSON.readTree(changes).properties()) {
            var pair = e.getValue();
            result.add(new FieldChange(label(e.getKey()), text(pair.get(0)), text(pair.get(1))));
        }
        return result;
    }

    /** camelCase property to a label: "sshPort" -> "Ssh port", "ipAddress" -> "Ip address". */
    static String label(String property) {
        var words = property.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String text(JsonNode v) {
        if (v == null || v.isNull()) {
            return "(empty)";
        }
        return v.isString() ? v.asString() : v.toString();
    }
}
