package com.infraconsole.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.Fuzz;
import org.junit.jupiter.api.Test;

/** Playbook YAML checks on hostile text: a problem naming its line, or none; never an exception. */
class PlaybookYamlFuzzTest {

    private static final String PLAYBOOK = """
            - name: Web servers
              hosts: web
              become: true
              vars: {port: 8080}
              tasks:
                - name: Install nginx
                  apt: {name: nginx, state: present}
                - debug: msg="{{ port }}"
            - import_playbook: other.yml
            """;

    @Test
    void hostile_playbooks_get_a_problem_or_pass_and_never_throw() {
        var fuzz = Fuzz.forTest("playbook-yaml");
        for (int i = 0; i < 3000; i++) {
            var text = i % 2 == 0 ? fuzz.string(400) : fuzz.mutate(PLAYBOOK);
            fuzz.tried();
            PlaybookYaml.problemWith(text).ifPresent(p -> assertThat(p).startsWith("Line "));
        }
        for (var text : new String[] {
            "- " + "[".repeat(50_000),
            "- hosts: " + "{a: ".repeat(20_000),
            "- hosts: all\n  tasks: &a [x]\n" + "  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n".repeat(60),
            "x".repeat(Playbook.MAX_CONTENT * 2)
        }) {
            fuzz.tried();
            assertThat(PlaybookYaml.problemWith(text)).isPresent();
        }
        System.out.println("[fuzz] playbook YAML cases tried: " + fuzz.cases());
    }
}
