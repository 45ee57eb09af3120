package com.infraconsole.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting process output into bounded lines, and reading PLAY RECAP lines that are not Ansible's. */
class OutputLinesTest {

    @Test
    void lines_end_at_newline_with_or_without_carriage_return_and_the_last_one_needs_none() throws IOException {
        assertThat(lines("a\r\nb\n\nc")).containsExactly("a", "b", "", "c");
        assertThat(lines("")).isEmpty();
        assertThat(lines("only\n")).containsExactly("only");
    }

    @Test
    void a_long_line_keeps_its_first_16_kb_and_says_how_much_was_dropped_and_the_next_line_is_whole()
            throws IOException {
        var text = "y".repeat(100_000) + "\nnext\n";
        var lines = lines(text);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0))
                .isEqualTo("y".repeat(OutputLines.MAX_LINE_BYTES) + " [console] line truncated: "
                        + (100_000 - OutputLines.MAX_LINE_BYTES) + " bytes dropped");
        assertThat(lines.get(1)).isEqualTo("next");
    }

    @Test
    void a_line_is_capped_in_bytes_and_never_cut_inside_a_character() throws IOException {
        // 'é' is 2 bytes, '€' 3: an odd offset puts the 16 KB limit inside a character.
        var text = "a" + "€".repeat(40_000) + "\n";
        var line = lines(text).getFirst();
        var kept = line.substring(0, line.indexOf(" [console]"));
        assertThat(kept).doesNotContain("\uFFFD").matches("a€+");
        int keptBytes = kept.getBytes(StandardCharsets.UTF_8).length;
        assertThat(keptBytes)
                .isLessThanOrEqualTo(OutputLines.MAX_LINE_BYTES)
                .isGreaterThan(OutputLines.MAX_LINE_BYTES - 3);
        assertThat(line).endsWith(" [console] line truncated: " + (1 + 120_000 - keptBytes) + " bytes dropped");
    }

    @Test
    void recap_counters_too_big_for_an_int_are_capped_and_odd_text_is_ignored() {
        var recap = new PlayRecap();
        recap.accept("PLAY RECAP ****");
        recap.accept("web : ok=123456789012345678901234567890 changed=0007 failed=2147483648");
        recap.accept("db : ok=1 changed=0");
        recap.accept("strange text : ok=x");
        recap.accept("late : ok=1");
        var json = recap.toJson();
        assertThat(PlayRecap.parse(json)).containsOnlyKeys("web", "db");
        assertThat(PlayRecap.parse(json).get("web"))
                .containsEntry("ok", Integer.MAX_VALUE)
                .containsEntry("changed", 7)
                .containsEntry("failed", Integer.MAX_VALUE);
    }

    @Test
    void a_recap_of_very_many_hosts_stays_within_the_column() {
        var recap = new PlayRecap();
        recap.accept("PLAY RECAP ****");
        for (int i = 0; i < 5_000; i++) {
            recap.accept("host-" + "h".repeat(100) + i + " : ok=1 changed=0 failed=0");
        }
        var json = recap.toJson();
        assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(PlayRecap.MAX_JSON_BYTES);
        assertThat(PlayRecap.parse(json)).isNotEmpty();
    }

    private static List<String> lines(String text) throws IOException {
        var in = new OutputLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        var out = new ArrayList<String>();
        String line;
        while ((line = in.next()) != null) {
            out.add(line);
        }
        return out;
    }
}
