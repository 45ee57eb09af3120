package com.infraconsole.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import com.infraconsole.RacingWrite;
import com.infraconsole.TestUsers;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.StaleDataException;
import com.infraconsole.security.Role;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class ServerServiceTest {

    @Autowired
    ServerService servers;

    @Autowired
    EnvironmentService environments;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RacingWrite race;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void operator_creates_a_server_and_it_remembers_who_created_it() {
        var operator = users.signIn(Role.OPERATOR);
        var saved = servers.save(server(unique("web"), "10.0.0.12"));
        assertThat(saved.getId()).isNotNull();
        assertThat(saved.getCreatedBy()).isEqualTo(operator.getId());
        assertThat(saved.getUpdatedBy()).isEqualTo(operator.getUsername());
        assertThat(servers.get(saved.getId()))
                .get()
                .extracting(Server::getIpAddress)
                .isEqualTo("10.0.0.12");
    }

    @Test
    void ipv6_addresses_are_accepted_and_malformed_addresses_refused_at_the_field() {
        users.signIn(Role.ADMIN);
        assertThat(servers.save(server(unique("v6"), "2001:db8::12")).getId()).isNotNull();
        for (var bad : new String[] {"10.0.0.256", "10.0.0", "example.com", "2001:db8:::1", "1.2.3.4.5"}) {
            assertThatThrownBy(() -> servers.save(server(unique("bad"), bad)))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.fieldErrors()).containsKey("ipAddress"));
        }
    }

    @Test
    void bad_hostname_port_and_missing_environment_are_refused_with_field_messages_and_nothing_saved() {
        users.signIn(Role.ADMIN);
        var before = servers.count(ServerFilter.none());
        var s = server("not a host!", "10.0.0.1");
        s.setSshPort(70000);
        s.setEnvironment(null);
        assertThatThrownBy(() -> servers.save(s))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKeys("hostname", "sshPort", "environment"));
        var tooLong = server(unique("long"), "10.0.0.1");
        tooLong.setLocation("x".repeat(101));
        assertThatThrownBy(() -> servers.save(tooLong))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("location"));
        assertThat(servers.count(ServerFilter.none())).isEqualTo(before);
    }

    @Test
    void a_duplicate_hostname_gets_a_clear_field_message_whatever_its_case() {
        users.signIn(Role.OPERATOR);
        var name = unique("dup");
        servers.save(server(name, "10.0.0.1"));
        assertThatThrownBy(() -> servers.save(server(name.toUpperCase(), "10.0.0.2")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors().get("hostname")).contains("already exists"));
    }

    @Test
    void a_stale_edit_is_refused_and_names_who_saved_first() {
        var first = users.signIn(Role.OPERATOR);
        var created = servers.save(server(unique("stale"), "10.0.0.3"));
        var mine = servers.get(created.getId()).orElseThrow();
        var theirs = servers.get(created.getId()).orElseThrow();
        theirs.setLocation("Rack A1");
        servers.save(theirs);
        mine.setLocation("Rack Z9");
        assertThatThrownBy(() -> servers.save(mine))
                .isInstanceOfSatisfying(
                        StaleDataException.class, e -> assertThat(e.savedBy()).isEqualTo(first.getUsername()));
        assertThat(servers.get(created.getId()).orElseThrow().getLocation()).isEqualTo("Rack A1");
    }

    @Test
    void auditor_may_read_but_not_create_edit_or_delete() {
        users.signIn(Role.ADMIN);
        var existing = servers.save(server(unique("ro"), "10.0.0.4"));
        users.signIn(Role.AUDITOR);
        assertThat(servers.list(ServerFilter.none(), PageRequest.of(0, 10))).isNotEmpty();
        assertThatThrownBy(() -> servers.save(server(unique("no"), "10.0.0.5")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> servers.delete(existing)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void nobody_signed_in_can_read_the_inventory() {
        assertThatThrownBy(() -> servers.list(ServerFilter.none(), PageRequest.of(0, 10)))
                .isInstanceOf(org.springframework.security.core.AuthenticationException.class);
    }

    @Test
    void filters_and_sorting_run_in_the_database() {
        users.signIn(Role.ADMIN);
        var tag = unique("flt");
        var prod = servers.environments().stream()
                .filter(e -> e.getName().equals("production"))
                .findFirst()
                .orElseThrow();
        var a = server(tag + "-a", "10.9.0.1");
        a.setEnvironment(prod);
        a.setStatus(ServerStatus.MAINTENANCE);
        servers.save(a);
        servers.save(server(tag + "-b", "10.9.0.2"));
        var byText = servers.list(
                new ServerFilter(tag, null, null),
                PageRequest.of(0, 10, Sort.by("hostname").descending()));
        assertThat(byText).extracting(Server::getHostname).containsExactly(tag + "-b", tag + "-a");
        assertThat(servers.list(new ServerFilter(tag, prod.getId(), ServerStatus.MAINTENANCE), PageRequest.of(0, 10)))
                .extracting(Server::getHostname)
                .containsExactly(tag + "-a");
        assertThat(servers.list(new ServerFilter("100%_", null, null), PageRequest.of(0, 10)))
                .isEmpty();
    }

    @Test
    void a_server_with_jobs_cannot_be_deleted_and_stays() {
        var admin = users.signIn(Role.ADMIN);
        var s = servers.save(server(unique("busy"), "10.0.0.6"));
        jdbc.update("INSERT INTO playbooks (name, content) VALUES (?, '- hosts: all')", s.getHostname());
        var playbook = jdbc.queryForObject("SELECT id FROM playbooks WHERE name = ?", Long.class, s.getHostname());
        jdbc.update(
                "INSERT INTO jobs (job_id, playbook_id, server_id, user_id) VALUES (?, ?, ?, ?)",
                UUID.randomUUID().toString(),
                playbook,
                s.getId(),
                admin.getId());
        assertThatThrownBy(() -> servers.delete(s))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cannot be deleted");
        assertThat(servers.get(s.getId())).isPresent();
    }

    @Test
    void operator_deletes_an_unused_server() {
        users.signIn(Role.OPERATOR);
        var s = servers.save(server(unique("gone"), "10.0.0.7"));
        servers.delete(s);
        assertThat(servers.get(s.getId())).isEmpty();
    }

    @Test
    void an_environment_deleted_while_the_form_was_open_is_a_field_message_and_nothing_is_saved() {
        users.signIn(Role.ADMIN);
        var env = environments.save(new Environment(unique("gone").toLowerCase(), null));
        users.signIn(Role.OPERATOR);
        var s = server(unique("orphan"), "10.0.0.9");
        s.setEnvironment(env);
        users.signIn(Role.ADMIN);
        environments.delete(env);
        users.signIn(Role.OPERATOR);
        var before = servers.count(ServerFilter.none());
        assertThatThrownBy(() -> servers.save(s))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsEntry(
                                        "environment",
                                        "Environment " + env.getName() + " no longer exists; choose another"));
        assertThat(servers.count(ServerFilter.none())).isEqualTo(before);
    }

    @Test
    void a_duplicate_hostname_racing_past_the_check_becomes_a_field_message() throws Exception {
        var operator = users.create(Role.OPERATOR);
        var name = unique("race") + ".example.test";
        var envId = jdbc.queryForObject("SELECT MIN(id) FROM environments", Long.class);
        TestUsers.signIn(operator);
        var mine = server(name, "10.0.0.10");
        var thrown = race.lose(
                operator,
                () -> servers.save(mine),
                "INSERT INTO servers (hostname, ip_address, environment_id) VALUES (?, '10.0.0.11', ?)",
                name,
                envId);
        assertThat(thrown)
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors().get("hostname")).contains("already exists"));
        assertThat(jdbc.queryForObject("SELECT ip_address FROM servers WHERE hostname = ?", String.class, name))
                .isEqualTo("10.0.0.11");
        // The form's server is still new: the user picks another hostname and saves it.
        assertThat(mine.isNew()).isTrue();
        TestUsers.signIn(operator);
        mine.setHostname(unique("race") + ".example.test");
        assertThat(servers.save(mine).getIpAddress()).isEqualTo("10.0.0.10");
    }

    /** Someone saves between our read and our write: the message names them, not us. */
    @Test
    void a_save_racing_with_another_save_is_stale_and_names_who_saved() throws Exception {
        var operator = users.create(Role.OPERATOR);
        TestUsers.signIn(operator);
        var saved = servers.save(server(unique("wrace"), "10.0.0.12"));
        var mine = servers.get(saved.getId()).orElseThrow();
        mine.setLocation("Rack Z9");
        var thrown = race.lose(
                operator,
                () -> servers.save(mine),
                "UPDATE servers SET version = version + 1, "
                        + "location = 'Rack A1', updated_by = 'racing-operator' WHERE id = ?",
                saved.getId());
        assertThat(thrown)
                .isInstanceOfSatisfying(
                        StaleDataException.class, e -> assertThat(e.savedBy()).isEqualTo("racing-operator"));
        TestUsers.signIn(operator);
        assertThat(servers.get(saved.getId()).orElseThrow().getLocation()).isEqualTo("Rack A1");
        assertThat(mine.getLocation()).isEqualTo("Rack Z9");
    }

    private Server server(String hostname, String ip) {
        var s = new Server();
        s.setHostname(hostname);
        s.setIpAddress(ip);
        s.setEnvironment(servers.environments().getFirst());
        s.setOsType("Debian 12");
        return s;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void an_edit_with_a_too_long_hostname_or_description_is_refused_at_the_fields_and_changes_nothing() {
        users.signIn(Role.OPERATOR);
        var saved = servers.save(server(unique("edit"), "10.0.0.8"));
        var edit = servers.get(saved.getId()).orElseThrow();
        edit.setHostname("h".repeat(254));
        edit.setDescription("d".repeat(10_001));
        assertThatThrownBy(() -> servers.save(edit))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("hostname", "description"));
        var stored = servers.get(saved.getId()).orElseThrow();
        assertThat(stored.getHostname()).isEqualTo(saved.getHostname());
        assertThat(stored.getDescription()).isNull();
        assertThat(stored.getVersion()).isEqualTo(saved.getVersion());
    }
}
