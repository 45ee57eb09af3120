package com.infraconsole.playbook;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts as aligned rows for a side-by-side view: Myers' shortest edit
 * script after trimming the common head and tail. Runs of removed and added lines are
 * paired row by row, so a changed line shows next to its replacement.
 */
public final class LineDiff {

    /** Beyond this many changed lines (about 16 MB of frontier) the changed middle is shown as replaced wholesale. */
    static final int MAX_EDITS = 2_000;

    public enum Kind {
        SAME,
        REMOVED,
        ADDED,
        CHANGED
    }

    /** One row; a side with no line has a null number and text. */
    public record Row(Kind kind, Integer leftNo, String left, Integer rightNo, String right) {}

    private LineDiff() {}

    public static List<Row> diff(String leftText, String rightText) {
        var a = lines(leftText);
        var b = lines(rightText);
        int head = 0;
        while (head < a.length && head < b.length && a[head].equals(b[head])) {
            head++;
        }
        int tail = 0;
        while (tail < a.length - head
                && tail < b.length - head
                && a[a.length - 1 - tail].equals(b[b.length - 1 - tail])) {
            tail++;
        }
        var rows = new ArrayList<Row>();
        for (int i = 0; i < head; i++) {
            rows.add(new Row(Kind.SAME, i + 1, a[i], i + 1, b[i]));
        }
        middle(a, b, head, a.length - tail, head, b.length - tail, rows);
        for (int k = tail; k > 0; k--) {
            int i = a.length - k;
            int j = b.length - k;
            rows.add(new Row(Kind.SAME, i + 1, a[i], j + 1, b[j]));
        }
        return rows;
    }

    private static void middle(String[] a, String[] b, int a0, int a1, int b0, int b1, List<Row> rows) {
        var removed = new ArrayList<Integer>();
        var added = new ArrayList<Integer>();
        var script = myers(a, b, a0, a1, b0, b1);
        if (script == null) {
            for (int i = a0; i < a1; i++) {
                removed.add(i);
            }
            for (int j = b0; j < b1; j++) {
                added.add(j);
            }
            flush(a, b, removed, added, rows);
            return;
        }
        int i = a0;
        int j = b0;
        for (int k = script.size() - 1; k >= 0; k--) {
            switch (script.get(k)) {
                case SAME -> {
                    flush(a, b, removed, added, rows);
                    rows.add(new Row(Kind.SAME, i + 1, a[i], j + 1, b[j]));
                    i++;
                    j++;
                }
                case REMOVED -> removed.add(i++);
                default -> added.add(j++);
            }
        }
        flush(a, b, removed, added, rows);
    }

    /**
     * Myers' O(ND) shortest edit script, as SAME/REMOVED/ADDED steps in reverse order; null when
     * the texts differ in more than {@link #MAX_EDITS} lines (a rewrite, shown as replaced).
     * Keeps one slice of the frontier per edit, so memory grows with the square of the edits,
     * not with the product of the lengths.
     */
    private static List<Kind> myers(String[] a, String[] b, int a0, int a1, int b0, int b1) {
        int n = a1 - a0;
        int m = b1 - b0;
        int max = Math.min(n + m, MAX_EDITS);
        var v = new int[2 * max + 3];
        int offset = max + 1;
        var trace = new ArrayList<int[]>();
        for (int d = 0; d <= max; d++) {
            trace.add(java.util.Arrays.copyOfRange(v, offset - d, offset + d + 1));
            for (int k = -d; k <= d; k += 2) {
                int x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
                        ? v[offset + k + 1]
                        : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[a0 + x].equals(b[b0 + y])) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    return backtrack(trace, n, m);
                }
            }
        }
        return null;
    }

    private static List<Kind> backtrack(List<int[]> trace, int n, int m) {
        var script = new ArrayList<Kind>();
        int x = n;
        int y = m;
        for (int d = trace.size() - 1; d >= 0; d--) {
            var v = trace.get(d); // the frontier after d-1 edits, index k + d
            int k = x - y;
            int prevK = k == -d || (k != d && v[k - 1 + d] < v[k + 1 + d]) ? k + 1 : k - 1;
            int prevX = d == 0 ? 0 : v[prevK + d];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                script.add(Kind.SAME);
                x--;
                y--;
            }
            if (d > 0) {
                script.add(x == prevX ? Kind.ADDED : Kind.REMOVED);
            }
            x = prevX;
            y = prevY;
        }
        return script;
    }

    private static void flush(String[] a, String[] b, List<Integer> removed, List<Integer> added, List<Row> rows) {
        int pairs = Math.max(removed.size(), added.size());
        for (int k = 0; k < pairs; k++) {
            Integer i = k < removed.size() ? removed.get(k) : null;
            Integer j = k < added.size() ? added.get(k) : null;
            var kind = i != null && j != null ? Kind.CHANGED : i != null ? Kind.REMOVED : Kind.ADDED;
            rows.add(new Row(
                    kind,
                    i == null ? null : i + 1,
                    i == null ? null : a[i],
                    j == null ? null : j + 1,
                    j == null ? null : b[j]));
        }
        removed.clear();
        added.clear();
    }

    private static String[] lines(String text) {
        if (text == null || text.isEmpty()) {
            return new String[0];
        }
        var normalized = text.replace("\r\n", "\n");
        // A final newline ends the last line; it does not start an empty one.
        return (normalized.endsWith("\n") ? normalized.substring(0, normalized.length() - 1) : normalized)
                .split("\n", -1);
    }
}
