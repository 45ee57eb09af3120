package com.infraconsole.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlayRecapTest {

    private static Map<String, Map<String, Integer>> recapOf(String output) {
        var recap = new PlayRecap();
        output.lines().forEach(recap::accept);
        return PlayRecap.parse(recap.toJson());
    }

    @Test
    void the_recap_lines_become_host_counter_value() {
        var hosts = recapOf("""
                PLAY [web] *********************************************************************
                ok: [web-01]

                PLAY RECAP *********************************************************************
                web-01                     : ok=3    changed=1    unreachable=0    failed=0    skipped=2    rescued=0    ignored=0
                db-01.example.com          : ok=1    changed=0    unreachable=1    failed=0    skipped=0    rescued=0    ignored=0

                """);
        assertThat(hosts).containsOnlyKeys("web-01", "db-01.example.com");
        assertThat(hosts.get("web-01"))
                .containsEntry("ok", 3)
                .containsEntry("changed", 1)
                .containsEntry("skipped", 2)
                .containsEntry("failed", 0);
        assertThat(hosts.get("db-01.example.com")).containsEntry("unreachable", 1);
    }

    @Test
    void lines_like_a_recap_outside_the_recap_section_are_ignored() {
        var hosts = recapOf("""
                web-09 : ok=9 changed=9
                PLAY RECAP ****
                web-01 : ok=1 changed=0 failed=0
                Tuesday 25 November 2026  10:00:00 +0000 (0:00:01.123)
                web-02 : ok=1 changed=0 failed=0
                """);
        assertThat(hosts).containsOnlyKeys("web-01");
    }

    @Test
    void output_without_a_recap_stores_nothing_and_nothing_reads_as_empty() {
        var recap = new PlayRecap();
        recap.accept("ERROR! the playbook: site.yml could not be found");
        assertThat(recap.toJson()).isNull();
        assertThat(PlayRecap.parse(null)).isEmpty();
        assertThat(PlayRecap.parse(" ")).isEmpty();
    }
}
