package com.infraconsole.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.server.AnsibleInventory.Host;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnsibleInventoryTest {

    @Test
    void hosts_get_their_groups_their_own_vars_and_then_group_vars_and_all_vars() {
        var hosts = AnsibleInventory.parse("""
                # production inventory
                ungrouped-01 ansible_host=10.0.0.9
                [web]
                web-01 ansible_host=10.0.0.1 ansible_user="deploy user"   # trailing comment
                web-02 ansible_host='10.0.0.2' ansible_port=2222
                [web:vars]
                ansible_port=22
                ansible_user = ops
                [all:vars]
                ansible_user=root
                location=dc1
                """);
        assertThat(hosts).extracting(Host::name).containsExactly("ungrouped-01", "web-01", "web-02");
        assertThat(hosts.get(0).groups()).containsExactly("ungrouped");
        assertThat(hosts.get(0).vars())
                .containsEntry("ansible_host", "10.0.0.9")
                .containsEntry("ansible_user", "root");
        assertThat(hosts.get(1).line()).isEqualTo(4);
        assertThat(hosts.get(1).vars())
                .isEqualTo(Map.of(
                        "ansible_host",
                        "10.0.0.1",
                        "ansible_user",
                        "deploy user",
                        "ansible_port",
                        "22",
                        "location",
                        "dc1"));
        assertThat(hosts.get(2).vars())
                .containsEntry("ansible_host", "10.0.0.2")
                .containsEntry("ansible_port", "2222")
                .containsEntry("ansible_user", "ops");
        assertThat(hosts).extracting(Host::problem).containsOnlyNulls();
    }

    @Test
    void a_host_of_a_child_group_belongs_to_every_ancestor_and_a_cycle_ends_the_walk() {
        var hosts = AnsibleInventory.parse("""
                [web]
                web-01
                [production:children]
                web
                [datacenter:children]
                production
                [web:children]
                datacenter
                """);
        assertThat(hosts)
                .singleElement()
                .extracting(Host::groups)
                .isEqualTo(List.of("web", "production", "datacenter"));
    }

    @Test
    void a_host_listed_twice_is_one_host_with_both_groups_pointing_at_its_first_line() {
        var hosts = AnsibleInventory.parse("[web]\nWEB-01 ansible_host=10.0.0.1\n[prod]\nweb-01\n");
        assertThat(hosts).singleElement().satisfies(h -> {
            assertThat(h.name()).isEqualTo("WEB-01");
            assertThat(h.line()).isEqualTo(2);
            assertThat(h.groups()).containsExactly("web", "prod");
        });
    }

    @Test
    void a_host_range_and_a_token_that_is_not_key_value_are_problems_of_their_row() {
        var hosts = AnsibleInventory.parse("web-[01:10].example.com\ndb-01 ansible_host=10.0.0.5 primary\n");
        assertThat(hosts.get(0).problem()).contains("host ranges like web-[01:10].example.com are not supported");
        assertThat(hosts.get(1).problem()).isEqualTo("\"primary\" is not a key=value host variable");
    }

    @Test
    void a_line_of_only_an_unbalanced_quote_is_a_rejected_row_not_a_crash() {
        var hosts =
                AnsibleInventory.parse("[web]\nweb-01 ansible_host=10.0.0.1\n\"\n[prod:children]\n'\n[db]\nweb-02\n");
        assertThat(hosts)
                .extracting(Host::line, Host::name, Host::problem)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "web-01", null),
                        org.assertj.core.groups.Tuple.tuple(3, "\"", "the line has a quote that is never closed"),
                        org.assertj.core.groups.Tuple.tuple(5, "'", "the line has a quote that is never closed"),
                        org.assertj.core.groups.Tuple.tuple(7, "web-02", null));
    }

    @Test
    void comments_blank_lines_and_an_empty_text_give_no_hosts() {
        assertThat(AnsibleInventory.parse("")).isEmpty();
        assertThat(AnsibleInventory.parse("\uFEFF# a\n; b\n\n[web]\n")).isEmpty();
    }
}
