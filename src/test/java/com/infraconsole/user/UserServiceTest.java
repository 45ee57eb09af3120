package com.infraconsole.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import com.infraconsole.RacingWrite;
import com.infraconsole.TestUsers;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.StaleDataException;
import com.infraconsole.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;

@IntegrationTest
class UserServiceTest {

    private static final String NEW_PASSWORD = "Quiet-Lantern-Orbit-42";

    @Autowired
    UserService users;

    @Autowired
    UserRepository repository;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RacingWrite race;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private static String unique(String prefix) {
        return prefix + System.nanoTime();
    }

    @Test
    void admin_creates_accounts_but_operator_auditor_and_nobody_signed_in_cannot() {
        testUsers.signIn(Role.ADMIN);
        var name = unique("created");
        var created = users.create(name, name + "@example.test", Role.OPERATOR, TestUsers.PASSWORD, true);
        assertThat(repository.findById(created.getId()))
                .get()
                .extracting(User::isMustChangePassword)
                .isEqualTo(true);
        for (var role : new Role[] {Role.OPERATOR, Role.AUDITOR}) {
            testUsers.signIn(role);
            var other = unique("refused");
            assertThatThrownBy(
                            () -> users.create(other, other + "@example.test", Role.ADMIN, TestUsers.PASSWORD, false))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(repository.findByUsername(other)).isEmpty();
        }
        TestUsers.signOut();
        var anonymous = unique("anon");
        assertThatThrownBy(() ->
                        users.create(anonymous, anonymous + "@example.test", Role.ADMIN, TestUsers.PASSWORD, false))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> users.current()).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void every_role_changes_its_own_password_and_nobody_signed_in_can() {
        for (var role : Role.values()) {
            var me = testUsers.signIn(role);
            users.changeOwnPassword(TestUsers.PASSWORD, NEW_PASSWORD);
            assertThat(encoder.matches(
                            NEW_PASSWORD,
                            repository.findById(me.getId()).orElseThrow().getPasswordHash()))
                    .as(role.name())
                    .isTrue();
        }
        TestUsers.signOut();
        assertThatThrownBy(() -> users.changeOwnPassword(TestUsers.PASSWORD, NEW_PASSWORD))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void a_password_too_long_for_bcrypt_is_a_field_message_and_changes_nothing() {
        var me = testUsers.signIn(Role.OPERATOR);
        var before = repository.findById(me.getId()).orElseThrow().getPasswordHash();
        // 73 ASCII characters, and 42 characters that take 84 bytes: both past BCrypt's 72 bytes.
        for (var tooLong : new String[] {"Quiet-Lantern-".repeat(6).substring(0, 73), "ΩλπΣ".repeat(10) + "-9"}) {
            assertThatThrownBy(() -> users.changeOwnPassword(TestUsers.PASSWORD, tooLong))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.fieldErrors().get("newPassword"))
                                    .startsWith("Use at most 72 characters"));
        }
        assertThat(repository.findById(me.getId()).orElseThrow().getPasswordHash())
                .isEqualTo(before);
        testUsers.signIn(Role.ADMIN);
        var name = unique("longpw");
        assertThatThrownBy(() -> users.create(name, name + "@example.test", Role.OPERATOR, "x1Y2z3".repeat(13), true))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("password"));
        assertThat(repository.findByUsername(name)).isEmpty();
    }

    @Test
    void duplicate_username_and_email_are_field_messages_whatever_their_case() {
        testUsers.signIn(Role.ADMIN);
        var name = unique("dup");
        users.create(name, name + "@example.test", Role.OPERATOR, TestUsers.PASSWORD, false);
        assertThatThrownBy(() -> users.create(
                        name.toUpperCase(),
                        unique("other") + "@example.test",
                        Role.OPERATOR,
                        TestUsers.PASSWORD,
                        false))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("username"));
        assertThatThrownBy(() -> users.create(
                        unique("other"),
                        (name + "@example.test").toUpperCase(),
                        Role.OPERATOR,
                        TestUsers.PASSWORD,
                        false))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("email"));
    }

    @Test
    void empty_too_long_and_malformed_usernames_and_emails_are_field_messages_and_nothing_is_saved() {
        testUsers.signIn(Role.ADMIN);
        var before = repository.count();
        for (var bad : new String[] {"", "ab", "x".repeat(81), "has space", "semi;colon"}) {
            assertThatThrownBy(() ->
                            users.create(bad, unique("u") + "@example.test", Role.OPERATOR, TestUsers.PASSWORD, false))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.fieldErrors()).containsKey("username"));
        }
        for (var bad : new String[] {"", "not-an-email", "x".repeat(110) + "@example.test"}) {
            assertThatThrownBy(() -> users.create(unique("u"), bad, Role.OPERATOR, TestUsers.PASSWORD, false))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.fieldErrors()).containsKey("email"));
        }
        assertThat(repository.count()).isEqualTo(before);
    }

    @Test
    void a_duplicate_username_racing_past_the_check_becomes_a_field_message() throws Exception {
        var admin = testUsers.create(Role.ADMIN);
        var name = unique("race");
        var thrown = race.lose(
                admin,
                () -> users.create(name, name + "@second.example.test", Role.OPERATOR, TestUsers.PASSWORD, false),
                "INSERT INTO users (username, email, password_hash) VALUES (?, ?, 'x')",
                name,
                name + "@first.example.test");
        assertThat(thrown)
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsEntry("username", "Username " + name + " is already taken"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE username = ?", Long.class, name))
                .isOne();
    }

    @Test
    void a_duplicate_email_racing_past_the_check_becomes_a_field_message() throws Exception {
        var admin = testUsers.create(Role.ADMIN);
        var name = unique("race");
        var email = name + "@example.test";
        var thrown = race.lose(
                admin,
                () -> users.create(name + "b", email, Role.OPERATOR, TestUsers.PASSWORD, false),
                "INSERT INTO users (username, email, password_hash) VALUES (?, ?, 'x')",
                name + "a",
                email);
        assertThat(thrown)
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsEntry("email", "Another account already uses " + email));
    }

    @Test
    void active_users_for_pickers_are_searched_in_sql_a_page_at_a_time() {
        var active = testUsers.create(Role.OPERATOR);
        var inactive = testUsers.create(Role.OPERATOR);
        jdbc.update("UPDATE users SET is_active = FALSE WHERE id = ?", inactive.getId());
        testUsers.signIn(Role.AUDITOR);
        var page = PageRequest.of(0, 5, Sort.by("username"));
        assertThat(users.listActive(active.getUsername(), page)).containsExactly(active);
        assertThat(users.listActive(inactive.getUsername(), page)).isEmpty();
        assertThat(users.listActive("", PageRequest.of(0, 2, Sort.by("username"))))
                .hasSize(2);
        assertThat(users.listActive("%", page)).isEmpty();
    }

    @Test
    void a_password_change_racing_with_an_admin_reset_is_stale_and_changes_nothing() throws Exception {
        var me = testUsers.create(Role.OPERATOR);
        var thrown = race.lose(
                me,
                () -> users.changeOwnPassword(TestUsers.PASSWORD, NEW_PASSWORD),
                "UPDATE users SET version = version + 1, updated_by = 'racing-admin' WHERE id = ?",
                me.getId());
        assertThat(thrown)
                .isInstanceOfSatisfying(
                        StaleDataException.class, e -> assertThat(e.savedBy()).isEqualTo("racing-admin"));
        assertThat(encoder.matches(
                        TestUsers.PASSWORD,
                        repository.findById(me.getId()).orElseThrow().getPasswordHash()))
                .isTrue();
    }
}
