package com.infraconsole.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.playbook.LineDiff.Kind;
import com.infraconsole.playbook.LineDiff.Row;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void identical_texts_are_all_same_rows() {
        assertThat(LineDiff.diff("a\nb\n", "a\nb\n")).extracting(Row::kind).containsExactly(Kind.SAME, Kind.SAME);
    }

    @Test
    void a_changed_line_sits_next_to_its_replacement_and_additions_and_removals_align() {
        var rows = LineDiff.diff("a\nb\nc\nd\n", "a\nB\nc\nd\ne\n");
        assertThat(rows)
                .containsExactly(
                        new Row(Kind.SAME, 1, "a", 1, "a"),
                        new Row(Kind.CHANGED, 2, "b", 2, "B"),
                        new Row(Kind.SAME, 3, "c", 3, "c"),
                        new Row(Kind.SAME, 4, "d", 4, "d"),
                        new Row(Kind.ADDED, null, null, 5, "e"));
    }

    @Test
    void a_removed_line_leaves_the_right_side_empty() {
        assertThat(LineDiff.diff("a\nx\nb", "a\nb"))
                .containsExactly(
                        new Row(Kind.SAME, 1, "a", 1, "a"),
                        new Row(Kind.REMOVED, 2, "x", null, null),
                        new Row(Kind.SAME, 3, "b", 2, "b"));
    }

    @Test
    void moved_blocks_keep_the_longest_common_part() {
        var rows = LineDiff.diff("x\na\nb\nc", "a\nb\nc\nx");
        assertThat(rows)
                .extracting(Row::kind)
                .containsExactly(Kind.REMOVED, Kind.SAME, Kind.SAME, Kind.SAME, Kind.ADDED);
    }

    @Test
    void empty_texts_and_windows_line_ends_are_handled() {
        assertThat(LineDiff.diff("", "")).isEmpty();
        assertThat(LineDiff.diff("", "a\n")).containsExactly(new Row(Kind.ADDED, null, null, 1, "a"));
        assertThat(LineDiff.diff("a\r\nb\r\n", "a\nb\n")).extracting(Row::kind).containsOnly(Kind.SAME);
    }

    @Test
    void a_huge_change_falls_back_to_replacing_the_middle() {
        var left = new StringBuilder("head\n");
        var right = new StringBuilder("head\n");
        for (int i = 0; i < 2100; i++) {
            left.append("l").append(i).append('\n');
            right.append("r").append(i).append('\n');
        }
        var rows = LineDiff.diff(left.toString(), right.toString());
        assertThat(rows).hasSize(2101);
        assertThat(rows.get(1).kind()).isEqualTo(Kind.CHANGED);
    }

    @Test
    void random_edits_rebuild_both_sides_and_keep_a_longest_common_subsequence() {
        var random = new java.util.Random(7);
        for (int round = 0; round < 300; round++) {
            var a = randomLines(random);
            var b = randomLines(random);
            var rows = LineDiff.diff(String.join("\n", a), String.join("\n", b));
            assertThat(rows.stream()
                            .filter(r -> r.left() != null)
                            .map(Row::left)
                            .toList())
                    .isEqualTo(a);
            assertThat(rows.stream()
                            .filter(r -> r.right() != null)
                            .map(Row::right)
                            .toList())
                    .isEqualTo(b);
            assertThat(rows.stream().filter(r -> r.kind() == Kind.SAME).count()).isEqualTo(lcs(a, b));
        }
    }

    private static java.util.List<String> randomLines(java.util.Random random) {
        var lines = new java.util.ArrayList<String>();
        int n = 1 + random.nextInt(12);
        for (int i = 0; i < n; i++) {
            lines.add(String.valueOf((char) ('a' + random.nextInt(4))));
        }
        return lines;
    }

    private static long lcs(java.util.List<String> a, java.util.List<String> b) {
        var t = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                t[i][j] = a.get(i).equals(b.get(j)) ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
            }
        }
        return t[0][0];
    }
}
