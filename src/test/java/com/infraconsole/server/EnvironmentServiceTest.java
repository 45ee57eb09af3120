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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

@IntegrationTest
class EnvironmentServiceTest {

    @Autowired
    EnvironmentService environments;

    @Autowired
    ServerService servers;

    @Autowired
    TestUsers testUsers;

    @Autowired
    RacingWrite race;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void admin_creates_renames_and_describes_an_environment() {
        testUsers.signIn(Role.ADMIN);
        var env = environments.save(new Environment(unique("qa"), "Quality"));
        env.setName(unique("uat"));
        env.setDescription("User acceptance");
        var saved = environments.save(env);
        var reread = environments.get(saved.getId()).orElseThrow();
        assertThat(reread.getName()).isEqualTo(env.getName());
        assertThat(reread.getDescription()).isEqualTo("User acceptance");
    }

    @Test
    void operator_and_auditor_may_read_but_not_change_environments() {
        for (var role : new Role[] {Role.OPERATOR, Role.AUDITOR}) {
            testUsers.signIn(role);
            assertThat(environments.list(PageRequest.of(0, 10, Sort.by("name"))))
                    .isNotEmpty();
            assertThatThrownBy(() -> environments.save(new Environment(unique("op"), null)))
                    .isInstanceOf(AccessDeniedException.class);
            var production = environments.all().getFirst();
            assertThatThrownBy(() -> environments.delete(production)).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void duplicate_name_becomes_a_field_message() {
        testUsers.signIn(Role.ADMIN);
        var name = unique("dup");
        environments.save(new Environment(name, null));
        assertThatThrownBy(() -> environments.save(new Environment(name.toUpperCase(), null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("name"));
    }

    @Test
    void empty_too_long_and_malformed_names_are_refused_at_the_field() {
        testUsers.signIn(Role.ADMIN);
        for (var bad : new String[] {"", "x".repeat(51), "has space!"}) {
            assertThatThrownBy(() -> environments.save(new Environment(bad, null)))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.fieldErrors()).containsKey("name"));
        }
    }

    @Test
    void environment_in_use_cannot_be_deleted_and_says_how_many_servers_use_it() {
        testUsers.signIn(Role.ADMIN);
        var env = environments.save(new Environment(unique("used"), null));
        for (int i = 0; i < 2; i++) {
            var server = new Server();
            server.setHostname(unique("srv") + ".example.test");
            server.setIpAddress("10.9.0." + (i + 1));
            server.setEnvironment(env);
            servers.save(server);
        }
        assertThatThrownBy(() -> environments.delete(env))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("used by 2 servers");
        assertThat(environments.get(env.getId())).isPresent();
    }

    @Test
    void unused_environment_can_be_deleted() {
        testUsers.signIn(Role.ADMIN);
        var env = environments.save(new Environment(unique("gone"), null));
        environments.delete(env);
        assertThat(environments.get(env.getId())).isEmpty();
    }

    @Test
    void stale_edit_is_refused_and_names_who_saved_first() {
        var first = testUsers.signIn(Role.ADMIN);
        var env = environments.save(new Environment(unique("stale"), null));
        var mine = environments.get(env.getId()).orElseThrow();
        var theirs = environments.get(env.getId()).orElseThrow();
        theirs.setDescription("theirs");
        environments.save(theirs);
        mine.setDescription("mine");
        assertThatThrownBy(() -> environments.save(mine))
                .isInstanceOfSatisfying(
                        StaleDataException.class, e -> assertThat(e.savedBy()).isEqualTo(first.getUsername()));
        assertThat(environments.get(env.getId()).orElseThrow().getDescription()).isEqualTo("theirs");
        assertThat(mine.getDescription()).isEqualTo("mine");
    }

    @Test
    void nobody_signed_in_can_read_or_change_environments() {
        assertThatThrownBy(() -> environments.list(PageRequest.of(0, 10))).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> environments.all()).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> environments.save(new Environment(unique("anon"), null)))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void a_too_long_description_is_refused_at_the_field_and_the_environment_stays_as_it_was() {
        testUsers.signIn(Role.ADMIN);
        var env = environments.save(new Environment(unique("desc"), "short"));
        var edit = environments.get(env.getId()).orElseThrow();
        edit.setDescription("x".repeat(256));
        assertThatThrownBy(() -> environments.save(edit))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("description"));
        assertThat(environments.get(env.getId()).orElseThrow().getDescription()).isEqualTo("short");
    }

    @Test
    void a_duplicate_name_racing_past_the_check_becomes_a_field_message() throws Exception {
        var admin = testUsers.create(Role.ADMIN);
        var name = unique("race");
        var thrown = race.lose(
                admin,
                () -> environments.save(new Environment(name, "mine")),
                "INSERT INTO environments (name, description) VALUES (?, 'theirs')",
                name);
        assertThat(thrown)
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsEntry("name", "An environment named " + name + " already exists"));
    }

    @Test
    void a_save_racing_with_another_save_is_stale_and_names_who_saved() throws Exception {
        var admin = testUsers.signIn(Role.ADMIN);
        var env = environments.save(new Environment(unique("wrace"), "first"));
        var mine = environments.get(env.getId()).orElseThrow();
        mine.setDescription("mine");
        var thrown = race.lose(
                admin,
                () -> environments.save(mine),
                "UPDATE environments SET version = version + 1, "
                        + "description = 'theirs', updated_by = 'racing-admin' WHERE id = ?",
                env.getId());
        assertThat(thrown)
                .isInstanceOfSatisfying(
                        StaleDataException.class, e -> assertThat(e.savedBy()).isEqualTo("racing-admin"));
        TestUsers.signIn(admin);
        assertThat(environments.get(env.getId()).orElseThrow().getDescription()).isEqualTo("theirs");
    }
}
