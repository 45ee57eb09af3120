package com.infraconsole.base.audit;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Masks the secrets in a YAML or JSON text (extra vars) for the audit log and for pages: the
 * value under any key that looks secret (password, passwd, pwd, secret, token, key, credential,
 * in any case, anywhere in the key, at any depth) becomes {@value #MASK}, and an Ansible vault
 * value becomes {@value #VAULT}. Everything else, comments and layout included, stays as typed,
 * so a reader still sees what was run. The text is composed, not constructed, so no tag is
 * refused here; text that is not YAML at all is hidden whole.
 */
public final class SecretYaml {

    public static final String MASK = "***";
    public static final String VAULT = "!vault (encrypted)";
    public static final String UNREADABLE = "*** (not readable as YAML, hidden)";
    private static final List<String> SECRET_WORDS = List.of("pass", "pwd", "secret", "token", "key", "credential");

    private SecretYaml() {}

    /** Whether values under this key are treated as secrets ("ansible_become_pass", "API_KEY", "tokens"). */
    public static boolean isSecretKey(String key) {
        var k = key.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(k::contains);
    }

    /** The text with its secrets masked; null and blank come back as they are. */
    public static String mask(String text) {
        if (text == null || text.isBlank()) {
            return text;
        }
        Node root;
        try {
            var options = new LoaderOptions();
            options.setMaxAliasesForCollections(50);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (RuntimeException e) {
            return UNREADABLE;
        }
        var ranges = new ArrayList<Range>();
        collect(root, false, ranges, Collections.newSetFromMap(new IdentityHashMap<>()));
        return replace(text, ranges);
    }

    private record Range(int start, int end, String replacement) {}

    private static void collect(Node node, boolean secret, List<Range> ranges, Set<Node> seen) {
        if (node == null || !secret && !seen.add(node)) {
            return; // an alias of a node already walked: its text is where the anchor is
        }
        // A secret is masked even when walked before: "password: *x" hides the "&x" it points to.
        if (node instanceof ScalarNode && "!vault".equals(node.getTag().getValue())) {
            ranges.add(range(node, VAULT));
        } else if (secret) {
            ranges.add(range(node, MASK));
        } else if (node instanceof MappingNode map) {
            for (var tuple : map.getValue()) {
                var key = tuple.getKeyNode();
                boolean secretKey = key instanceof ScalarNode s && isSecretKey(s.getValue());
                collect(key, false, ranges, seen);
                collect(tuple.getValueNode(), secretKey, ranges, seen);
            }
        } else if (node instanceof SequenceNode seq) {
            for (var item : seq.getValue()) {
                collect(item, false, ranges, seen);
            }
        }
    }

    /** Marks count code points, not chars: {@link #replace} works on code points. */
    private static Range range(Node node, String replacement) {
        return new Range(node.getStartMark().getIndex(), node.getEndMark().getIndex(), replacement);
    }

    private static String replace(String text, List<Range> ranges) {
        int[] cps = text.codePoints().toArray();
        ranges.sort((a, b) -> Integer.compare(a.start(), b.start()));
        var out = new StringBuilder(text.length());
        int at = 0;
        for (var r : ranges) {
            if (r.start() < at) {
                continue; // inside a range already masked
            }
            int end = Math.min(r.end(), cps.length);
            // Block values end after their line break; keep it, or the next key would join this line.
            while (end > r.start() && Character.isWhitespace(cps[end - 1])) {
                end--;
            }
            if (end == r.start()) {
                continue; // an empty value ("password:") hides nothing
            }
            out.append(new String(cps, at, r.start() - at)).append(r.replacement());
            at = end;
        }
        out.append(new String(cps, at, cps.length - at));
        return out.toString();
    }
}
