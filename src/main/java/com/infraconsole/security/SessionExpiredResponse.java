package com.infraconsole.security;

import com.vaadin.flow.server.VaadinService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.web.session.SessionInformationExpiredEvent;
import org.springframework.security.web.session.SessionInformationExpiredStrategy;

/**
 * The answer to a request made with a session that was ended (see {@link LiveSessions}). A Vaadin
 * client request gets Vaadin's own "session expired" message, on which the browser reloads and
 * lands on the login page; a page request is sent to the login page directly.
 */
final class SessionExpiredResponse implements SessionInformationExpiredStrategy {

    @Override
    public void onExpiredSessionDetected(SessionInformationExpiredEvent event) throws IOException {
        var request = event.getRequest();
        var response = event.getResponse();
        if (request.getParameter("v-r") != null) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("application/json; charset=UTF-8");
            response.getOutputStream()
                    .write(VaadinService.createSessionExpiredJSON(false).getBytes(StandardCharsets.UTF_8));
            return;
        }
        response.sendRedirect(request.getContextPath() + "/login");
    }
}
