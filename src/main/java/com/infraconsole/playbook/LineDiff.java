package com.infraconsole.playbook;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts as aligned rows for a side-by-side view: a longest common
 * subsequence after trimming the common head and tail. Runs of removed and added lines are
 * paired row by row, so a changed line shows next to its replacement.
 */
public final class LineDiff {

    /** Above this many LCS cells (about 16 MB of ints) the changed middle is shown as replaced wholesale. */
    static final long MAX_CELLS = 4_000_000;

    public enum Kind { SAME, REMOVED, ADDED, CHANGED }

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
        while (tail < a.length - head && tail < b.length - head
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
        int n = a1 - a0;
        int m = b1 - b0;
        var removed = new ArrayList<Integer>();
        var added = new ArrayList<Integer>();
        if ((long) n * m > MAX_CELLS) {
            for (int i = a0; i < a1; i++) {
                removed.add(i);
            }
            for (int j = b0; j < b1; j++) {
                added.add(j);
            }
            flush(a, b, removed, added, rows);
            return;
        }
        // lcs[i][j] = length of the LCS of a[a0+i..a1) and b[b0+j..b1)
        var lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a[a0 + i].equals(b[b0 + j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[a0 + i].equals(b[b0 + j])) {
                flush(a, b, removed, added, rows);
                rows.add(new Row(Kind.SAME, a0 + i + 1, a[a0 + i], b0 + j + 1, b[b0 + j]));
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                added.add(b0 + j++);
            } else {
                removed.add(a0 + i++);
            }
        }
        flush(a, b, removed, added, rows);
    }

    private static void flush(String[] a, String[] b, List<Integer> removed, List<Integer> added, List<Row> rows) {
        int pairs = Math.max(removed.size(), added.size());
        for (int k = 0; k < pairs; k++) {
            Integer i = k < removed.size() ? removed.get(k) : null;
            Integer j = k < added.size() ? added.get(k) : null;
            var kind = i != null && j != null ? Kind.CHANGED : i != null ? Kind.REMOVED : Kind.ADDED;
            rows.add(new Row(kind, i == null ? null : i + 1, i == null ? null : a[i],
                    j == null ? null : j + 1, j == null ? null : b[j]));
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
