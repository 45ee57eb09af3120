package com.infraconsole.base.ui;

import com.infraconsole.base.DatabaseUnavailable;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.StaleDataException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;

/** No stack trace ever reaches a user: unexpected errors are logged and shown as one sentence. */
@Configuration
class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    @Bean
    VaadinServiceInitListener errorHandlerInstaller() {
        return event -> event.getSource()
                .addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
                    var t = rootOf(error.getThrowable());
                    String message;
                    if (t instanceof AccessDeniedException) {
                        message = "You are not allowed to do that.";
                    } else if (t instanceof InvalidInputException || t instanceof StaleDataException) {
                        message = Objects.requireNonNullElse(t.getMessage(), "The input was refused.");
                    } else if (DatabaseUnavailable.isCause(error.getThrowable())) {
                        // An outage, not a bug: one line in the log, not a stack trace per click.
                        log.warn(
                                "The database is not answering: {}",
                                rootOf(error.getThrowable()).getMessage());
                        message = DatabaseUnavailable.messageFor(error.getThrowable());
                    } else {
                        log.error("Unexpected error in the UI", error.getThrowable());
                        message = "Something went wrong and was logged. Please try again.";
                    }
                    error.getComponent()
                            .flatMap(Component::getUI)
                            .ifPresent(ui -> ui.access(() -> Notifications.error(message)));
                }));
    }

    private static Throwable rootOf(Throwable t) {
        Throwable current = t;
        while (current.getCause() != null
                && current.getCause() != current
                && !(current instanceof AccessDeniedException)
                && !(current instanceof InvalidInputException)
                && !(current instanceof StaleDataException)) {
            current = current.getCause();
        }
        return current;
    }
}
