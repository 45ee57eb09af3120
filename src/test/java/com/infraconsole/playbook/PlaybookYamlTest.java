package com.infraconsole.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaybookYamlTest {

    static final String OK = """
            - name: Web servers
              hosts: webservers
              become: true
              tasks:
                - name: nginx is installed
                  ansible.builtin.apt:
                    name: nginx
            - hosts: db
              roles:
                - postgres
            """;

    @Test
    void a_list_of_plays_with_hosts_and_tasks_or_roles_is_accepted() {
        assertThat(PlaybookYaml.problemWith(OK)).isEmpty();
    }

    @Test
    void an_import_playbook_entry_is_accepted() {
        assertThat(PlaybookYaml.problemWith("- import_playbook: web.yml\n- ansible.builtin.import_playbook: db.yml\n"))
                .isEmpty();
    }

    @Test
    void bad_syntax_names_its_line() {
        var yaml = "- hosts: web\n  tasks:\n    - name: x\n   bad: [unclosed\n";
        assertThat(PlaybookYaml.problemWith(yaml)).get().asString().startsWith("Line 4: YAML syntax error");
    }

    @Test
    void a_tab_indentation_names_its_line() {
        assertThat(PlaybookYaml.problemWith("- hosts: web\n\ttasks: []\n"))
                .get()
                .asString()
                .startsWith("Line 2:");
    }

    @Test
    void a_mapping_instead_of_a_list_is_refused() {
        assertThat(PlaybookYaml.problemWith("hosts: web\ntasks: []\n"))
                .get()
                .asString()
                .isEqualTo("Line 1: a playbook must be a list of plays; start each play with \"- hosts: ...\"");
    }

    @Test
    void a_play_without_hosts_names_the_line_of_the_play() {
        var yaml = "- hosts: web\n  tasks: []\n# second\n- name: no hosts here\n  tasks:\n    - ping:\n";
        assertThat(PlaybookYaml.problemWith(yaml))
                .get()
                .asString()
                .isEqualTo("Line 4: play 2 has no \"hosts\"; say where it runs, e.g. \"hosts: webservers\"");
    }

    @Test
    void a_play_without_tasks_or_roles_is_refused() {
        assertThat(PlaybookYaml.problemWith("- hosts: web\n  vars:\n    a: 1\n"))
                .get()
                .asString()
                .isEqualTo("Line 1: play 1 has neither \"tasks\" nor \"roles\"");
    }

    @Test
    void tasks_that_are_not_a_list_name_their_line() {
        assertThat(PlaybookYaml.problemWith("- hosts: web\n  tasks:\n    name: x\n"))
                .get()
                .asString()
                .startsWith("Line 3: \"tasks\" of play 1 must be a list");
    }

    @Test
    void empty_text_an_empty_list_and_a_scalar_play_are_refused() {
        assertThat(PlaybookYaml.problemWith("  \n")).get().asString().contains("empty");
        assertThat(PlaybookYaml.problemWith("# only a comment\n"))
                .get()
                .asString()
                .contains("empty");
        assertThat(PlaybookYaml.problemWith("[]")).get().asString().contains("list of plays is empty");
        assertThat(PlaybookYaml.problemWith("- just a string\n"))
                .get()
                .asString()
                .isEqualTo("Line 1: play 1 must be a mapping with hosts and tasks or roles");
    }

    @Test
    void duplicate_keys_and_two_documents_are_refused() {
        assertThat(PlaybookYaml.problemWith("- hosts: a\n  hosts: b\n  tasks: []\n"))
                .get()
                .asString()
                .startsWith("Line 2:");
        assertThat(PlaybookYaml.problemWith("- hosts: a\n  tasks: []\n---\n- hosts: b\n  tasks: []\n"))
                .get()
                .asString()
                .startsWith("Line 3:");
    }

    @Test
    void an_alias_bomb_is_refused_without_expanding_it() {
        var bomb = new StringBuilder("- hosts: web\n  tasks: []\n  vars:\n    a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 0; i < 60; i++) {
            bomb.append("    b").append(i).append(": &b").append(i).append(" [*a, *a, *a, *a]\n");
        }
        assertThat(PlaybookYaml.problemWith(bomb.toString())).isPresent();
    }
}
