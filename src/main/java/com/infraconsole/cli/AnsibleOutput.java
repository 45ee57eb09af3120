package com.infraconsole.cli;

import com.infraconsole.cli.SamplePlaybooks.Playbook;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Writes the lines ansible-playbook (ansible-core 2.14, no colour) prints for one host and one outcome. */
final class AnsibleOutput {

    private static final int WIDTH = 80;

    private AnsibleOutput() {}

    static List<String> lines(Playbook playbook, String host, String ip, String status, Random rnd) {
        var out = new ArrayList<String>();
        if (status.equals("pending")) {
            return out; // not started: no output yet
        }
        var tasks = playbook.tasks();
        // Where the output stops: at the failing task, part-way for interrupted or still running runs.
        int stop = switch (status) {
            case "failed" -> playbook.failingTask();
            case "running", "cancelled", "timed_out" -> 1 + rnd.nextInt(tasks.size() - 1);
            default -> tasks.size();
        };
        out.add(banner("PLAY [" + playbook.play() + "]"));
        int ok = 0;
        int changed = 0;
        for (int t = 0; t < tasks.size() && t <= stop; t++) {
            var task = tasks.get(t);
            out.add("");
            out.add(banner("TASK [" + task.name() + "]"));
            if (t == stop && status.equals("failed")) {
                var msg = playbook.failure().formatted(ip);
                if (t == 0) {
                    out.add("fatal: [" + host + "]: UNREACHABLE! => {\"changed\": false, \"msg\": \"" + msg
                            + "\", \"unreachable\": true}");
                } else {
                    out.add("fatal: [" + host + "]: FAILED! => {\"changed\": false, \"msg\": \"" + msg + "\"}");
                }
                break;
            }
            if (t == stop && !status.equals("success")) {
                break; // interrupted (or still running) inside this task: no result line yet
            }
            if (task.name().startsWith("Report")) {
                out.add("ok: [" + host + "] => {");
                out.add("    \"msg\": \"Reboot required: " + (rnd.nextBoolean() ? "True" : "False") + "\"");
                out.add("}");
                ok++;
            } else if (task.changes()) {
                out.add("changed: [" + host + "]");
                ok++;
                changed++;
            } else {
                out.add("ok: [" + host + "]");
                ok++;
            }
        }
        if (status.equals("success") && playbook.name().equals("deploy-nginx")) {
            out.add("");
            out.add(banner("RUNNING HANDLER [Reload nginx]"));
            out.add("changed: [" + host + "]");
            ok++;
            changed++;
        }
        if (status.equals("failed") || status.equals("success")) {
            boolean unreachable = status.equals("failed") && stop == 0;
            if (status.equals("failed")) {
                out.add("");
                out.add(banner("NO MORE HOSTS LEFT"));
            }
            out.add("");
            out.add(banner("PLAY RECAP"));
            out.add("%-26s : ok=%-4d changed=%-4d unreachable=%-4d failed=%-4d skipped=0    rescued=0    ignored=0"
                    .formatted(
                            host, ok, changed, unreachable ? 1 : 0, status.equals("failed") && !unreachable ? 1 : 0));
        }
        return out;
    }

    /** "TASK [name] ****..." padded with stars as ansible does (80 columns when not on a terminal). */
    static String banner(String title) {
        var s = title + " ";
        return s.length() >= WIDTH ? s + "***" : s + "*".repeat(WIDTH - s.length());
    }
}
