package com.infraconsole.credential.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.infraconsole.KaribuTest;
import com.infraconsole.credential.CredentialKind;
import com.infraconsole.credential.TestKeys;
import com.infraconsole.security.Role;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.Test;

class CredentialsViewTest extends KaribuTest {

    @Test
    void an_admin_adds_a_key_sees_its_fingerprint_and_never_the_key_again() {
        var pair = TestKeys.ed25519("");
        signInAs(Role.ADMIN);
        UI.getCurrent().navigate(CredentialsView.class);
        var view = _get(CredentialsView.class);
        var before = _size(view.grid);
        _click(_get(Button.class, spec -> spec.withText("New credential")));
        var dialog = _get(CredentialDialog.class);
        var name = "karibu-key-" + System.nanoTime();
        _setValue(dialog.name, name);
        _setValue(dialog.username, "deploy");
        _setValue(dialog.privateKey, "not a key");
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.privateKey.isInvalid()).isTrue();

        _setValue(dialog.privateKey, pair.privateKey());
        _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
        assertThat(dialog.isOpened()).isFalse();
        assertThat(_size(view.grid)).isEqualTo(before + 1);
        var row = java.util.stream.IntStream.range(0, _size(view.grid))
                .mapToObj(i -> _get(view.grid, i))
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
        assertThat(row.fingerprint()).startsWith("SHA256:");

        view.open(row);
        var edit = _get(CredentialDialog.class);
        assertThat(edit.kind.isReadOnly()).isTrue();
        assertThat(edit.kind.getValue()).isEqualTo(CredentialKind.SSH_KEY);
        assertThat(edit.privateKey.getValue()).isEmpty();
        assertThat(edit.publicKey.getValue()).contains(pair.publicKey());
    }

    @Test
    void operators_and_auditors_cannot_open_the_screen() {
        signInAs(Role.OPERATOR);
        assertThatThrownBy(() -> UI.getCurrent().navigate(CredentialsView.class))
                .isInstanceOf(MockAccessDeniedException.class);
        signInAs(Role.AUDITOR);
        assertThatThrownBy(() -> UI.getCurrent().navigate(CredentialsView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }
}
