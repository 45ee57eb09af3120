package com.infraconsole.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a screen that fails while it opens shows instead of Vaadin's InternalServerError, which puts
 * the root cause's message on the page (an SQL error names the database account and the statement)
 * and, in development mode, the stack trace. Not-found and access-denied keep their own, more
 * specific views. Allowed to anyone: the failing screen has already passed its own access check.
 */
@AnonymousAllowed
class UnexpectedErrorView extends Div implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        log.error("Could not open '{}'", event.getLocation().getPath(), parameter.getCaughtException());
        removeAll();
        add(
                new H2("This page could not be opened"),
                new Paragraph("Something went wrong while opening it. The details were logged for the console's "
                        + "administrator. Please try again later."),
                new Anchor("", "Back to the dashboard"));
        setId("unexpected-error");
        addClassName("panel");
        return HttpStatusCode.INTERNAL_SERVER_ERROR.getCode();
    }
}
