package com.infraconsole.playbook;

import java.io.StringReader;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Checks that a text is an Ansible playbook in shape: a non-empty YAML list of plays, each a
 * mapping with {@code hosts} and tasks or roles, or an {@code import_playbook} entry. Only
 * composes nodes (never constructs objects), so no YAML tag can instantiate anything, and the
 * nodes keep their line numbers for the message.
 */
public final class PlaybookYaml {

    private static final Set<String> IMPORTS = Set.of("import_playbook", "ansible.builtin.import_playbook");
    private static final Set<String> WORK = Set.of("tasks", "roles", "pre_tasks", "post_tasks");

    private PlaybookYaml() {}

    /** The first problem found, phrased for the person who typed the YAML, naming its line. */
    public static Optional<String> problemWith(String content) {
        if (content == null || content.isBlank()) {
            return Optional.of("Line 1: the playbook is empty; write a list of plays starting with \"- hosts: ...\"");
        }
        Node root;
        try {
            var options = new LoaderOptions();
            options.setMaxAliasesForCollections(50);
            options.setCodePointLimit(Playbook.MAX_CONTENT * 4);
            root = new Yaml(options).compose(new StringReader(content));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            var problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            return Optional.of(at(mark) + "YAML syntax error: " + problem);
        } catch (YAMLException e) {
            return Optional.of("Line 1: YAML error: " + e.getMessage());
        }
        if (root == null) {
            return Optional.of("Line 1: the playbook is empty; write a list of plays starting with \"- hosts: ...\"");
        }
        if (!(root instanceof SequenceNode plays)) {
            return Optional.of(at(root.getStartMark())
                    + "a playbook must be a list of plays; start each play with \"- hosts: ...\"");
        }
        if (plays.getValue().isEmpty()) {
            return Optional.of(at(root.getStartMark()) + "the list of plays is empty; add at least one play");
        }
        int number = 0;
        for (var play : plays.getValue()) {
            number++;
            var problem = playProblem(play, number);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> playProblem(Node play, int number) {
        var where = at(play.getStartMark()) + "play " + number;
        if (!(play instanceof MappingNode mapping)) {
            return Optional.of(where + " must be a mapping with hosts and tasks or roles");
        }
        var seen = new java.util.HashSet<String>();
        for (var tuple : mapping.getValue()) {
            // Composing keeps duplicate keys; YAML (and Ansible) would silently keep only the last.
            if (key(tuple) != null && !seen.add(key(tuple))) {
                return Optional.of(
                        at(tuple.getKeyNode().getStartMark()) + "play " + number + " has \"" + key(tuple) + "\" twice");
            }
        }
        if (mapping.getValue().stream().anyMatch(t -> IMPORTS.contains(key(t)))) {
            return Optional.empty();
        }
        var hosts = value(mapping, "hosts");
        if (hosts == null) {
            return Optional.of(where + " has no \"hosts\"; say where it runs, e.g. \"hosts: webservers\"");
        }
        if (isEmpty(hosts)) {
            return Optional.of(at(hosts.getStartMark()) + "play " + number + " has an empty \"hosts\"");
        }
        var work =
                mapping.getValue().stream().filter(t -> WORK.contains(key(t))).toList();
        if (work.isEmpty()) {
            return Optional.of(where + " has neither \"tasks\" nor \"roles\"");
        }
        for (var tuple : work) {
            if (!(tuple.getValueNode() instanceof SequenceNode)) {
                return Optional.of(at(tuple.getValueNode().getStartMark()) + "\"" + key(tuple) + "\" of play " + number
                        + " must be a list");
            }
        }
        return Optional.empty();
    }

    private static Node value(MappingNode mapping, String key) {
        return mapping.getValue().stream()
                .filter(t -> key.equals(key(t)))
                .map(NodeTuple::getValueNode)
                .findFirst()
                .orElse(null);
    }

    private static boolean isEmpty(Node node) {
        return switch (node) {
            case ScalarNode s -> s.getValue().isBlank() || "null".equals(s.getValue()) || "~".equals(s.getValue());
            case SequenceNode s -> s.getValue().isEmpty();
            default -> false;
        };
    }

    private static String key(NodeTuple tuple) {
        return tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
    }

    private static String at(Mark mark) {
        return mark == null ? "" : "Line " + (mark.getLine() + 1) + ": ";
    }
}
