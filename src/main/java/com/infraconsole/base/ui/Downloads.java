package com.infraconsole.base.ui;

import com.infraconsole.base.TooManyDownloadsException;
import com.vaadin.flow.server.streams.DownloadEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** What every download link does when the console refuses a download for load. */
public final class Downloads {

    /** Seconds a refused client is told to wait (Retry-After). */
    static final int RETRY_AFTER_SECONDS = 30;

    private Downloads() {}

    @FunctionalInterface
    public interface Body {
        void write() throws IOException;
    }

    /**
     * Runs the body; when every download slot is taken, answers 503 with Retry-After and the reason
     * as text (no file), and tells the person on the screen they came from.
     */
    public static void limited(DownloadEvent event, Body body) throws IOException {
        try {
            body.write();
        } catch (TooManyDownloadsException e) {
            var response = event.getResponse();
            response.setStatus(503);
            response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            response.setHeader("Content-Disposition", "inline");
            response.setContentType("text/plain; charset=utf-8");
            var message = Objects.requireNonNullElse(e.getMessage(), "Too many downloads at once; try again shortly.");
            event.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
            var ui = event.getUI();
            if (ui != null) {
                ui.access(() -> Notifications.error(message));
            }
        }
    }
}
