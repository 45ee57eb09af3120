package com.infraconsole.api;

import com.infraconsole.base.audit.AuditEvent;
import com.infraconsole.user.ApiTokenVerifier;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The chain's refusals as RFC 9457 problem details. A 401 is audited here (API_AUTH_FAILURE,
 * with the reason and the token's owner when known); a 403 of the chain is audited as
 * ACCESS_DENIED by the authorization event the chain publishes, as on the screens. The caller
 * learns only that the token was not accepted, never why.
 */
final class ApiSecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ApplicationEventPublisher events;

    ApiSecurityProblems(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** No token at all. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        audit(request, "no bearer token", null, null);
        write(response, 401, "Unauthorized", "Send an API token: Authorization: Bearer <token>.", request);
    }

    void refuseToken(HttpServletRequest request, HttpServletResponse response, ApiTokenVerifier.Refused refused)
            throws IOException {
        audit(request, refused.reason(), refused.tokenId(), refused.username());
        write(response, 401, "Unauthorized", "The API token was not accepted.", request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(
                response,
                403,
                "Forbidden",
                "This token may not do that: its owner's role or read-only access refuses it.",
                request);
    }

    private void audit(HttpServletRequest request, String reason, Long tokenId, String username) {
        var changes = new LinkedHashMap<String, Object[]>();
        changes.put("reason", new Object[] {null, reason});
        changes.put("target", new Object[] {null, request.getMethod() + " " + request.getRequestURI()});
        events.publishEvent(new AuditEvent(
                "API_AUTH_FAILURE",
                "ApiToken",
                tokenId == null ? null : tokenId.toString(),
                changes,
                "DENIED",
                username == null ? "(anonymous)" : username));
    }

    private static void write(
            HttpServletResponse response, int status, String title, String detail, HttpServletRequest request)
            throws IOException {
        response.setStatus(status);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + json(detail) + "\",\"instance\":\"" + json(request.getRequestURI()) + "\"}");
    }

    private static String json(String s) {
        var out = new StringBuilder();
        for (var c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
