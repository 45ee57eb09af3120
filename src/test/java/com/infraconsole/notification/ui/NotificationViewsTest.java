package com.infraconsole.notification.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.infraconsole.KaribuTest;
import com.infraconsole.notification.NotificationChannel;
import com.infraconsole.notification.NotificationEvent;
import com.infraconsole.notification.NotificationService;
import com.infraconsole.security.Role;
import com.infraconsole.security.SystemAuthentication;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The hooks and notifications screens without a browser: who may open them, and a rule made through the form. */
class NotificationViewsTest extends KaribuTest {

    @Autowired
    NotificationService notifications;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void disableRules() {
        jdbc.sql("UPDATE notification_rules SET enabled = FALSE").update();
    }

    @Test
    void operators_and_auditors_cannot_open_the_hooks_or_notifications_screens() {
        for (var role : List.of(Role.OPERATOR, Role.AUDITOR)) {
            signInAs(role);
            assertThatThrownBy(() -> UI.getCurrent().navigate(HooksView.class))
                    .isInstanceOf(MockAccessDeniedException.class);
            assertThatThrownBy(() -> UI.getCurrent().navigate(NotificationsView.class))
                    .isInstanceOf(MockAccessDeniedException.class);
            tearDownVaadin();
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void an_admin_creates_a_rule_whose_url_is_never_shown_again() {
        signInAs(Role.ADMIN);
        UI.getCurrent().navigate(NotificationsView.class);
        long before = SystemAuthentication.call(notifications::countRules);
        _click(_get(Button.class, spec -> spec.withText("New rule")));
        _click(_get(Button.class, spec -> spec.withText("Create")));
        assertThat(_get(TextField.class, spec -> spec.withLabel("Name")).isInvalid())
                .isTrue();

        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "karibu-" + System.nanoTime());
        _setValue(_get(Select.class, spec -> spec.withLabel("When")), NotificationEvent.JOB_FAILED);
        _setValue(_get(Select.class, spec -> spec.withLabel("Send by")), NotificationChannel.TEAMS);
        _setValue(
                _get(PasswordField.class, spec -> spec.withLabel("Destination")),
                "https://example.webhook.office.com/webhookb2/abc/IncomingWebhook/very-secret-token");
        _click(_get(Button.class, spec -> spec.withText("Create")));

        assertThat(SystemAuthentication.call(notifications::countRules)).isEqualTo(before + 1);
        var rule =
                SystemAuthentication.call(
                                () -> notifications.rules(org.springframework.data.domain.PageRequest.of(0, 500)))
                        .stream()
                        .filter(r -> r.getName().startsWith("karibu-"))
                        .findFirst()
                        .orElseThrow();
        assertThat(rule.getDestinationHint()).isEqualTo("https://example.webhook.office.com/…");
        assertThat(jdbc.sql("SELECT destination_ciphertext FROM notification_rules WHERE id = ?")
                        .param(rule.getId())
                        .query(String.class)
                        .single())
                .startsWith("v1:")
                .doesNotContain("very-secret-token");
    }
}
