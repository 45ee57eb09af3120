package com.infraconsole.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a session out after {@code infra.security.idle-timeout} without anything the person did.
 * The servlet container's own timeout counts every request, and the dashboard and jobs screens
 * poll every 15 s and 5 s, so an unattended tab would stay signed in forever. Here only real
 * interaction counts (see {@link UserActivity}); polls, heartbeats and push do not. The check runs
 * on every request, a poll included: the session is invalidated before Spring Security and Vaadin
 * see the request, and Vaadin then answers "session expired", on which the browser reloads to the
 * login page.
 */
final class IdleSessionFilter extends OncePerRequestFilter {

    static final String LAST_ACTIVITY = IdleSessionFilter.class.getName() + ".lastActivity";
    private static final Logger log = LoggerFactory.getLogger(IdleSessionFilter.class);

    private final IdleTimeout timeout;
    private final Clock clock;

    IdleSessionFilter(IdleTimeout timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var session = request.getSession(false);
        if (session == null) {
            chain.doFilter(request, response);
            return;
        }
        var now = clock.millis();
        var signedIn = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null;
        if (signedIn
                && session.getAttribute(LAST_ACTIVITY) instanceof Long last
                && now - last >= timeout.get().toMillis()) {
            log.info("Signing out session idle for {} s (limit {})", (now - last) / 1000, timeout.get());
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalidated) {
                // ended meanwhile
            }
            chain.doFilter(request, response);
            return;
        }
        var kind = UserActivity.kindOf(request);
        if (kind == UserActivity.Kind.UIDL) {
            var body = request.getInputStream().readAllBytes();
            if (UserActivity.isInteraction(body)) {
                session.setAttribute(LAST_ACTIVITY, now);
            }
            chain.doFilter(new ReplayedBody(request, body), response);
            return;
        }
        if (kind == UserActivity.Kind.PAGE || session.getAttribute(LAST_ACTIVITY) == null) {
            session.setAttribute(LAST_ACTIVITY, now);
        }
        chain.doFilter(request, response);
    }

    /** The UIDL body was read here to classify it; Vaadin reads it again. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            var encoding = getCharacterEncoding();
            var charset = encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
