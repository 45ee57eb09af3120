package com.infraconsole.user.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.infraconsole.KaribuTest;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import com.infraconsole.security.SystemAuthentication;
import com.infraconsole.user.UserAdminService;
import com.infraconsole.user.UserService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class UsersViewTest extends KaribuTest {

    @Autowired
    UserService users;

    @Autowired
    UserAdminService admin;

    @Test
    void admin_filters_the_list_and_creates_a_user_with_a_one_time_password() {
        signInAs(Role.ADMIN);
        UI.getCurrent().navigate(UsersView.class);
        var view = _get(UsersView.class);
        var name = "karibu" + System.nanoTime();
        _click(_get(Button.class, spec -> spec.withText("New user")));
        var dialog = _get(NewUserDialog.class);
        _setValue(dialog.username, name);
        _setValue(dialog.email, name + "@example.test");
        _setValue(dialog.role, Role.AUDITOR);
        _click(_get(dialog, Button.class, spec -> spec.withText("Create")));
        var otp = _get(TextField.class, spec -> spec.withClasses("one-time-password"));
        assertThat(otp.getValue()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(users.findByUsername(name).orElseThrow().isMustChangePassword())
                .isTrue();

        _setValue(view.search, name);
        _setValue(view.role, Role.AUDITOR);
        assertThat(_size(view.grid)).isEqualTo(1);
        _setValue(view.role, Role.OPERATOR);
        assertThat(_size(view.grid)).isZero();
    }

    @Test
    void an_invalid_new_user_gets_messages_at_the_fields() {
        var admin = signInAs(Role.ADMIN);
        UI.getCurrent().navigate(UsersView.class);
        _click(_get(Button.class, spec -> spec.withText("New user")));
        var dialog = _get(NewUserDialog.class);
        _setValue(dialog.username, admin.getUsername());
        _setValue(dialog.email, "not-an-email");
        _click(_get(dialog, Button.class, spec -> spec.withText("Create")));
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.email.isInvalid()).isTrue();
    }

    @Test
    void admin_cannot_deactivate_themselves_from_the_screen() {
        var admin = signInAs(Role.ADMIN);
        UI.getCurrent().navigate(UsersView.class);
        var view = _get(UsersView.class);
        view.open(admin.getId());
        var dialog = _get(UserDialog.class);
        assertThat(_find(dialog, Button.class, spec -> spec.withText("Deactivate")))
                .isEmpty();
        assertThat(dialog.role.isReadOnly()).isTrue();
    }

    @Test
    void admin_deactivates_another_user_after_confirming() {
        var target = testUsers.create(Role.OPERATOR);
        signInAs(Role.ADMIN);
        UI.getCurrent().navigate(UsersView.class);
        var view = _get(UsersView.class);
        _setValue(view.search, target.getUsername());
        assertThat(_get(view.grid, 0).getUsername()).isEqualTo(target.getUsername());
        view.open(target.getId());
        _click(_get(_get(UserDialog.class), Button.class, spec -> spec.withText("Deactivate")));
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(users.findByUsername(target.getUsername()).orElseThrow().isActive())
                .isFalse();
    }

    @Test
    void a_stale_role_change_or_reset_says_who_and_when_keeps_the_choice_and_offers_to_reload() {
        var target = testUsers.create(Role.OPERATOR);
        var other = testUsers.create(Role.ADMIN);
        var me = signInAs(Role.ADMIN);
        UI.getCurrent().navigate(UsersView.class);
        var view = _get(UsersView.class);
        view.open(target.getId());
        TestUsers.signIn(other);
        admin.resetPassword(admin.get(target.getId()).orElseThrow());
        TestUsers.signIn(me);

        var dialog = _get(UserDialog.class);
        _setValue(dialog.role, Role.AUDITOR);
        _click(_get(dialog, Button.class, spec -> spec.withText("Change role")));
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.formError.getText()).contains("was changed by " + other.getUsername() + " at ");
        assertThat(dialog.role.getValue()).isEqualTo(Role.AUDITOR);
        assertThat(users.findByUsername(target.getUsername()).orElseThrow().getRole())
                .isEqualTo(Role.OPERATOR);

        // The password reset goes through its own confirmation and is refused the same way.
        ConfirmDialogKt._fireCancel(confirmDialog("Changed by someone else"));
        _click(_get(dialog, Button.class, spec -> spec.withText("Reset password")));
        ConfirmDialogKt._fireConfirm(confirmDialog("Reset the password of " + target.getUsername() + "?"));
        assertThat(dialog.formError.getText()).contains("was changed by " + other.getUsername());

        ConfirmDialogKt._fireConfirm(confirmDialog("Changed by someone else"));
        assertThat(dialog.isOpened()).isFalse();
        var reloaded = _get(UserDialog.class);
        assertThat(reloaded.role.getValue()).isEqualTo(Role.OPERATOR);
        _setValue(reloaded.role, Role.AUDITOR);
        _click(_get(reloaded, Button.class, spec -> spec.withText("Change role")));
        assertThat(users.findByUsername(target.getUsername()).orElseThrow().getRole())
                .isEqualTo(Role.AUDITOR);
    }

    private static ConfirmDialog confirmDialog(String header) {
        return _find(ConfirmDialog.class).stream()
                .filter(d -> d.isOpened() && header.equals(ConfirmDialogKt.getHeader(d)))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void operator_cannot_open_the_users_screen_but_can_open_the_profile() {
        var me = signInAs(Role.OPERATOR);
        assertThatThrownBy(() -> UI.getCurrent().navigate(UsersView.class))
                .isInstanceOf(MockAccessDeniedException.class);
        UI.getCurrent().navigate(ProfileView.class);
        assertThat(_get(TextField.class, spec -> spec.withLabel("Username")).getValue())
                .isEqualTo(me.getUsername());
    }

    @Test
    void profile_password_change_enforces_the_policy_at_the_field() {
        signInAs(Role.AUDITOR);
        UI.getCurrent().navigate(ProfileView.class);
        var form = _get(PasswordChangeForm.class);
        _setValue(form.current, com.infraconsole.TestUsers.PASSWORD);
        _setValue(form.fresh, "password1234");
        _setValue(form.repeat, "password1234");
        _click(form.save);
        assertThat(form.fresh.isInvalid()).isTrue();
        _setValue(form.fresh, "Quiet-Lantern-Orbit-42");
        _setValue(form.repeat, "Quiet-Lantern-Orbit-42");
        _click(form.save);
        assertThat(form.fresh.isInvalid()).isFalse();
        assertThat(form.current.getValue()).isEmpty();
    }

    @Test
    void profile_refuses_a_password_too_long_for_bcrypt_at_the_field() {
        signInAs(Role.OPERATOR);
        UI.getCurrent().navigate(ProfileView.class);
        var form = _get(PasswordChangeForm.class);
        var tooLong = "Quiet-Lantern-Orbit-".repeat(4);
        _setValue(form.current, com.infraconsole.TestUsers.PASSWORD);
        _setValue(form.fresh, tooLong);
        _setValue(form.repeat, tooLong);
        _click(form.save);
        assertThat(form.fresh.isInvalid()).isTrue();
        assertThat(form.fresh.getErrorMessage()).startsWith("Use at most 72 characters");
        assertThat(form.fresh.getValue()).isEqualTo(tooLong);
    }

    @Test
    void a_user_who_must_change_the_password_is_sent_to_change_it_before_anything_else() {
        var name = "mustchange" + System.nanoTime();
        var user = SystemAuthentication.call(() ->
                users.create(name, name + "@example.test", Role.OPERATOR, com.infraconsole.TestUsers.PASSWORD, true));
        signInAs(user);
        UI.getCurrent().navigate("tickets");
        assertThat(_find(ChangePasswordView.class)).hasSize(1);
        var form = _get(PasswordChangeForm.class);
        _setValue(form.current, com.infraconsole.TestUsers.PASSWORD);
        _setValue(form.fresh, "Quiet-Lantern-Orbit-42");
        _setValue(form.repeat, "Quiet-Lantern-Orbit-42");
        _click(form.save);
        assertThat(users.findByUsername(name).orElseThrow().isMustChangePassword())
                .isFalse();
        UI.getCurrent().navigate("tickets");
        assertThat(_find(ChangePasswordView.class)).isEmpty();
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("tickets");
    }
}
