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
import com.infraconsole.KaribuTest;
import com.infraconsole.security.Role;
import com.infraconsole.user.UserService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class UsersViewTest extends KaribuTest {

    @Autowired UserService users;

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
        assertThat(users.findByUsername(name).orElseThrow().isMustChangePassword()).isTrue();

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
        assertThat(_find(dialog, Button.class, spec -> spec.withText("Deactivate"))).isEmpty();
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
        assertThat(users.findByUsername(target.getUsername()).orElseThrow().isActive()).isFalse();
    }

    @Test
    void operator_cannot_open_the_users_screen_but_can_open_the_profile() {
        var me = signInAs(Role.OPERATOR);
        assertThatThrownBy(() -> UI.getCurrent().navigate(UsersView.class)).isInstanceOf(MockAccessDeniedException.class);
        UI.getCurrent().navigate(ProfileView.class);
        assertThat(_get(TextField.class, spec -> spec.withLabel("Username")).getValue()).isEqualTo(me.getUsername());
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
}
