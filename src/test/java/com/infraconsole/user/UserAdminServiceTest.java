package com.infraconsole.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import com.infraconsole.RacingWrite;
import com.infraconsole.TestUsers;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.StaleDataException;
import com.infraconsole.security.Role;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

@IntegrationTest
class UserAdminServiceTest {

    @Autowired
    UserAdminService admin;

    @Autowired
    UserRepository repository;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    EntityManager entityManager;

    @Autowired
    TestUsers testUsers;

    @Autowired
    RacingWrite race;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void admin_creates_an_account_with_a_generated_password_that_must_be_changed() {
        testUsers.signIn(Role.ADMIN);
        var name = "newbie" + System.nanoTime();
        var created = admin.createWithGeneratedPassword(name, name + "@example.test", Role.AUDITOR);
        var stored = repository.findById(created.user().getId()).orElseThrow();
        assertThat(stored.isMustChangePassword()).isTrue();
        assertThat(encoder.matches(created.password(), stored.getPasswordHash()))
                .isTrue();
        assertThat(PasswordPolicy.problemWith(created.password(), name)).isEmpty();
    }

    @Test
    void operator_and_auditor_cannot_administer_users() {
        var target = testUsers.create(Role.OPERATOR);
        for (var role : new Role[] {Role.OPERATOR, Role.AUDITOR}) {
            testUsers.signIn(role);
            assertThatThrownBy(() -> admin.list(UserFilter.none(), PageRequest.of(0, 10)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> admin.changeRole(target, Role.ADMIN)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> admin.deactivate(target)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> admin.resetPassword(target)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> admin.unlock(target)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() ->
                            admin.createWithGeneratedPassword("x" + System.nanoTime(), "x@example.test", Role.ADMIN))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(repository.findById(target.getId()).orElseThrow().getRole()).isEqualTo(Role.OPERATOR);
    }

    @Test
    void list_filters_by_text_role_and_active_in_sql() {
        var target = testUsers.create(Role.AUDITOR);
        testUsers.signIn(Role.ADMIN);
        var page = PageRequest.of(0, 50);
        assertThat(admin.list(new UserFilter(target.getUsername(), Role.AUDITOR, true), page))
                .containsExactly(target);
        assertThat(admin.list(new UserFilter(target.getUsername(), Role.OPERATOR, null), page))
                .isEmpty();
        assertThat(admin.count(new UserFilter(target.getUsername(), null, false)))
                .isZero();
    }

    @Test
    void admin_changes_role_deactivates_and_reactivates_another_user() {
        var target = testUsers.create(Role.OPERATOR);
        testUsers.signIn(Role.ADMIN);
        var promoted = admin.changeRole(target, Role.AUDITOR);
        var inactive = admin.deactivate(promoted);
        assertThat(inactive.isActive()).isFalse();
        var active = admin.reactivate(inactive);
        assertThat(repository.findById(target.getId()).orElseThrow())
                .satisfies(u -> assertThat(u.isActive()).isTrue())
                .satisfies(u -> assertThat(u.getRole()).isEqualTo(Role.AUDITOR));
        assertThat(active.getVersion()).isGreaterThan(target.getVersion());
    }

    @Test
    void nobody_can_deactivate_or_demote_themselves() {
        var me = testUsers.signIn(Role.ADMIN);
        assertThatThrownBy(() -> admin.deactivate(me))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("own");
        assertThatThrownBy(() -> admin.changeRole(me, Role.OPERATOR)).isInstanceOf(InvalidInputException.class);
        var stored = repository.findById(me.getId()).orElseThrow();
        assertThat(stored.isActive()).isTrue();
        assertThat(stored.getRole()).isEqualTo(Role.ADMIN);
    }

    /** Rolled back at the end, so that the other admins of the shared test database stay active. */
    @Test
    @Transactional
    void the_last_active_admin_can_be_neither_demoted_nor_deactivated() {
        var last = testUsers.create(Role.ADMIN);
        testUsers.signIn(Role.ADMIN);
        entityManager
                .createQuery("update User u set u.active = false where u.role = :role and u.id <> :id")
                .setParameter("role", Role.ADMIN)
                .setParameter("id", last.getId())
                .executeUpdate();
        entityManager.clear();
        var seen = repository.findById(last.getId()).orElseThrow();
        assertThatThrownBy(() -> admin.changeRole(seen, Role.OPERATOR))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("last active admin");
        assertThatThrownBy(() -> admin.deactivate(seen))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("last active admin");
    }

    @Test
    void reset_password_gives_a_one_time_password_and_forces_a_change() {
        var target = testUsers.create(Role.OPERATOR);
        testUsers.signIn(Role.ADMIN);
        var reset = admin.resetPassword(target);
        var stored = repository.findById(target.getId()).orElseThrow();
        assertThat(stored.isMustChangePassword()).isTrue();
        assertThat(encoder.matches(reset.password(), stored.getPasswordHash())).isTrue();
        assertThat(encoder.matches(TestUsers.PASSWORD, stored.getPasswordHash()))
                .isFalse();
        assertThat(reset.toString()).doesNotContain(reset.password());
    }

    @Test
    void unlock_clears_the_lockout_and_the_failure_count() {
        var target = testUsers.create(Role.OPERATOR);
        var locked = repository.findById(target.getId()).orElseThrow();
        locked.setLockedUntil(Instant.now().plus(1, ChronoUnit.HOURS));
        locked.setFailedLoginAttempts(7);
        locked = repository.saveAndFlush(locked);
        testUsers.signIn(Role.ADMIN);
        admin.unlock(locked);
        var stored = repository.findById(target.getId()).orElseThrow();
        assertThat(stored.getLockedUntil()).isNull();
        assertThat(stored.getFailedLoginAttempts()).isZero();
    }

    @Test
    void a_change_based_on_a_stale_view_is_refused_and_names_who_saved_first() {
        var target = testUsers.create(Role.OPERATOR);
        var other = testUsers.signIn(Role.ADMIN);
        admin.changeRole(target, Role.AUDITOR);
        testUsers.signIn(Role.ADMIN);
        assertThatThrownBy(() -> admin.deactivate(target))
                .isInstanceOfSatisfying(
                        StaleDataException.class, e -> assertThat(e.savedBy()).isEqualTo(other.getUsername()));
        assertThat(repository.findById(target.getId()).orElseThrow().isActive()).isTrue();
    }

    @Test
    void nobody_signed_in_can_administer_users() {
        var target = testUsers.create(Role.OPERATOR);
        assertThatThrownBy(() -> admin.list(UserFilter.none(), PageRequest.of(0, 10)))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> admin.deactivate(target)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> admin.resetPassword(target)).isInstanceOf(AuthenticationException.class);
        assertThat(repository.findById(target.getId()).orElseThrow().isActive()).isTrue();
    }

    /**
     * The account is saved by someone else after the admin's action read it but before it wrote:
     * the version check at the write refuses it, and the message still says who and when.
     */
    @Test
    void a_change_racing_with_another_save_of_the_account_is_stale_and_names_who_saved() throws Exception {
        var target = testUsers.create(Role.OPERATOR);
        var actor = testUsers.create(Role.ADMIN);
        var thrown = race.lose(
                actor,
                () -> admin.resetPassword(target),
                "UPDATE users SET version = version + 1, updated_by = 'racing-admin' WHERE id = ?",
                target.getId());
        assertThat(thrown).isInstanceOfSatisfying(StaleDataException.class, e -> {
            assertThat(e.savedBy()).isEqualTo("racing-admin");
            assertThat(e.savedAt()).isNotNull();
        });
        var stored = repository.findById(target.getId()).orElseThrow();
        assertThat(encoder.matches(TestUsers.PASSWORD, stored.getPasswordHash()))
                .isTrue();
        assertThat(stored.isMustChangePassword()).isFalse();
    }
}
