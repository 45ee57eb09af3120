package com.infraconsole.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells what a person did from what the browser sends, for the idle timeout. A Vaadin client
 * message (UIDL) carries a list of invocations: a DOM event such as a click, a property the user
 * changed (typing, choosing), or a navigation count as the person's doing; the poll event, and the
 * calls components make by themselves (a grid fetching rows after a refresh), do not.
 */
final class UserActivity {

    enum Kind {
        UIDL,
        BACKGROUND,
        PAGE
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> INTERACTIONS = Set.of("event", "mSync", "navigation");
    private static final String POLL_EVENT = "ui-poll";

    private UserActivity() {}

    /** UIDL: a client message; BACKGROUND: heartbeat, push and other client plumbing; PAGE: anything else. */
    static Kind kindOf(HttpServletRequest request) {
        var type = request.getParameter("v-r");
        if (type == null) {
            return Kind.PAGE;
        }
        return "uidl".equals(type) ? Kind.UIDL : Kind.BACKGROUND;
    }

    static boolean isInteraction(byte[] uidl) {
        JsonNode message;
        try {
            message = JSON.readTree(uidl);
        } catch (JacksonException e) {
            return false; // Vaadin will refuse it anyway
        }
        for (var rpc : message.path("rpc")) {
            var type = rpc.path("type").asString("");
            if (INTERACTIONS.contains(type)
                    && !("event".equals(type)
                            && POLL_EVENT.equals(rpc.path("event").asString("")))) {
                return true;
            }
        }
        return false;
    }
}
