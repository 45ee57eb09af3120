package com.infraconsole.user.ui;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.ui.FieldErrors;
import com.infraconsole.base.ui.Notifications;
import com.infraconsole.user.ApiTokenInfo;
import com.infraconsole.user.ApiTokenService;
import com.infraconsole.user.NewApiToken;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * API tokens: the owner's own on the profile (create and revoke), or one account's on the admin's
 * user dialog (revoke only). A new token's text is shown once, in a dialog.
 */
class ApiTokensPanel extends VerticalLayout {

    final Grid<ApiTokenInfo> grid = new Grid<>();
    final TextField name = new TextField("Token name");
    final IntegerField days = new IntegerField("Expires after (days)");
    final Checkbox readOnly = new Checkbox("Read-only");
    final Button create = new Button("Create token");
    final Span formError = new Span();
    private final ApiTokenService tokens;
    private final Supplier<List<ApiTokenInfo>> source;
    private final Clock clock;

    private ApiTokensPanel(
            ApiTokenService tokens, Supplier<List<ApiTokenInfo>> source, Clock clock, boolean canCreate) {
        this.tokens = tokens;
        this.source = source;
        this.clock = clock;
        setPadding(false);
        grid.addColumn(ApiTokenInfo::name).setHeader("Name").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(t -> t.hint() + "…").setHeader("Token").setAutoWidth(true);
        grid.addColumn(t -> t.readOnly() ? "read-only" : "read and write")
                .setHeader("Access")
                .setAutoWidth(true);
        grid.addColumn(t -> UsersView.when(t.expiresAt())).setHeader("Expires").setAutoWidth(true);
        grid.addColumn(t -> UsersView.when(t.lastUsedAt()))
                .setHeader("Last used")
                .setAutoWidth(true);
        grid.addColumn(this::state).setHeader("State").setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No tokens");
        formError.getStyle().setColor("var(--lumo-error-text-color)");
        add(formError);
        if (canCreate) {
            name.setMaxLength(80);
            name.setHelperText("What uses it, e.g. deploy pipeline");
            days.setMin(1);
            days.setMax(ApiTokenService.MAX_DAYS);
            days.setValue(ApiTokenService.DEFAULT_DAYS);
            days.setStepButtonsVisible(true);
            readOnly.setTooltipText("May read but never change anything");
            create.addClickListener(e -> create());
            var row = new HorizontalLayout(name, days, readOnly, create);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.setWrap(true);
            add(row);
        }
        add(grid);
        refresh();
    }

    /** The signed-in user's own tokens. */
    static ApiTokensPanel own(ApiTokenService tokens, Clock clock) {
        return new ApiTokensPanel(tokens, tokens::mine, clock, true);
    }

    /** One account's tokens, for an admin, who may revoke them. */
    static ApiTokensPanel ofUser(ApiTokenService tokens, long userId, Clock clock) {
        return new ApiTokensPanel(tokens, () -> tokens.ofUser(userId), clock, false);
    }

    private String state(ApiTokenInfo t) {
        if (t.revokedAt() != null) {
            return "revoked by " + t.revokedBy();
        }
        return t.usableAt(clock.instant()) ? "active" : "expired";
    }

    private Button revokeButton(ApiTokenInfo t) {
        var revoke = new Button(
                "Revoke",
                e -> new ConfirmDialog(
                                "Revoke " + t.name() + "?",
                                "Whatever uses it is refused from its next request.",
                                "Revoke",
                                ok -> revoke(t),
                                "Cancel",
                                no -> {})
                        .open());
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        revoke.setVisible(t.revokedAt() == null);
        return revoke;
    }

    void revoke(ApiTokenInfo t) {
        formError.setText("");
        try {
            tokens.revoke(t.id());
            Notifications.success("Revoked token " + t.name());
        } catch (InvalidInputException ex) {
            formError.setText(String.join(" ", ex.fieldErrors().values()));
        }
        refresh();
    }

    void create() {
        formError.setText("");
        name.setInvalid(false);
        days.setInvalid(false);
        try {
            var created =
                    tokens.create(name.getValue(), days.getValue() == null ? 0 : days.getValue(), readOnly.getValue());
            name.clear();
            refresh();
            showOnce(created);
        } catch (InvalidInputException ex) {
            formError.setText(String.join(
                    " ",
                    FieldErrors.show(
                            ex.fieldErrors(), Map.<String, HasValidation>of("name", name, "expiresDays", days))));
        }
    }

    private void refresh() {
        grid.setItems(source.get());
    }

    /** The token's text, shown this once; only its hash is kept. */
    static void showOnce(NewApiToken created) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Token " + created.info().name() + " created");
        var field = new TextField("Token");
        field.setValue(created.token());
        field.setReadOnly(true);
        field.setWidthFull();
        field.addClassName("new-api-token");
        field.setHelperText("Shown once: copy it now. Send it as \"Authorization: Bearer <token>\".");
        dialog.add(field);
        var done = new Button("Done", e -> dialog.close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        dialog.setCloseOnOutsideClick(false);
        dialog.setWidth("min(36rem, 95vw)");
        dialog.open();
    }
}
