package com.infraconsole.playbook.bench;

import com.infraconsole.playbook.LineDiff;
import com.infraconsole.playbook.PlaybookYaml;
import java.util.Random;

/**
 * Not a test: run on demand to see how long the history diff and the YAML check take on large
 * playbooks. {@code java -cp target/classes:target/test-classes:<snakeyaml.jar> com.infraconsole.playbook.bench.LineDiffBench}
 */
public final class LineDiffBench {

    public static void main(String[] args) {
        for (int lines : new int[] {200, 1000, 2000, 5000}) {
            var left = playbook(lines, 1);
            var right = edit(left, 2);
            long best = Long.MAX_VALUE;
            int rows = 0;
            for (int i = 0; i < 7; i++) {
                long t = System.nanoTime();
                rows = LineDiff.diff(left, right).size();
                best = Math.min(best, System.nanoTime() - t);
            }
            long yaml = Long.MAX_VALUE;
            for (int i = 0; i < 7; i++) {
                long t = System.nanoTime();
                PlaybookYaml.problemWith(right).ifPresent(p -> {
                    throw new IllegalStateException(p);
                });
                yaml = Math.min(yaml, System.nanoTime() - t);
            }
            System.out.printf(
                    "%5d lines: diff %7.2f ms (%d rows), yaml check %7.2f ms%n", lines, best / 1e6, rows, yaml / 1e6);
        }
    }

    private static String playbook(int lines, long seed) {
        var random = new Random(seed);
        var text = new StringBuilder("- hosts: all\n  tasks:\n");
        for (int i = 0; text.chars().filter(c -> c == '\n').count() < lines; i++) {
            text.append("    - name: task ")
                    .append(i)
                    .append('\n')
                    .append("      ansible.builtin.command: echo ")
                    .append(random.nextInt(1000))
                    .append('\n');
        }
        return text.toString();
    }

    /** Changes about one line in ten, as a busy week of edits would. */
    private static String edit(String text, long seed) {
        var random = new Random(seed);
        var out = new StringBuilder();
        for (var line : text.split("\n")) {
            if (line.contains("command") && random.nextInt(10) == 0) {
                out.append(line).append(" changed\n");
            } else {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}
