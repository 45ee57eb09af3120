package com.infraconsole.audit;

import com.infraconsole.security.AppUserPrincipal;
import com.infraconsole.security.SystemAuthentication;
import com.vaadin.flow.server.VaadinRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Who acted and from where, read when the change is captured (on the thread that made it). */
record Actor(Long userId, String username, String clientIp, String userAgent) {

    static Actor current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    static Actor of(Authentication auth) {
        Long id = null;
        var name = SystemAuthentication.USERNAME;
        if (auth != null && !(auth instanceof AnonymousAuthenticationToken)) {
            if (auth.getPrincipal() instanceof AppUserPrincipal p) {
                if (!SystemAuthentication.isSystem(p)) {
                    id = p.id();
                    name = p.getUsername();
                }
            } else if (auth.getName() != null) {
                name = auth.getName();
            }
        }
        return withRequest(id, name);
    }

    static Actor named(String username) {
        return withRequest(null, username == null || username.isBlank() ? "(none)" : username);
    }

    /** Off a request (scheduled task, CLI, background thread) there is no client: both stay null. */
    private static Actor withRequest(Long id, String name) {
        String ip = null;
        String agent = null;
        var vaadin = VaadinRequest.getCurrent();
        if (vaadin != null) {
            ip = vaadin.getRemoteAddr();
            agent = vaadin.getHeader("User-Agent");
        } else if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            ip = attributes.getRequest().getRemoteAddr();
            agent = attributes.getRequest().getHeader("User-Agent");
        }
        return new Actor(id, truncate(name, 80), truncate(ip, 45), truncate(agent, 512));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
