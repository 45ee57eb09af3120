package com.infraconsole.security;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The signed-in sessions of this node, so that a change to an account (role, deactivation,
 * password reset) can end that person's sessions at once instead of leaving the old role in them.
 * Spring Security's {@link SessionRegistry} knows which session ids belong to whom; the servlet
 * container tells us the {@link HttpSession} behind each id, which we invalidate. The Vaadin
 * session lives inside it, so the browser's next request (a click, or a screen's own poll) finds
 * no session and reloads to the login page. The session is also marked expired in the registry,
 * which the concurrent-session filter checks on every request, should it still be reached.
 * Sessions held by other nodes end through {@link SessionRevocations} at their next request.
 */
@Component
public class LiveSessions implements HttpSessionListener, HttpSessionIdListener {

    private static final Logger log = LoggerFactory.getLogger(LiveSessions.class);

    private final SessionRegistry registry;
    private final SessionRevocations revocations;
    private final Map<String, HttpSession> sessions = new ConcurrentHashMap<>();

    LiveSessions(SessionRegistry registry, SessionRevocations revocations) {
        this.registry = registry;
        this.revocations = revocations;
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        sessions.put(event.getSession().getId(), event.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sessions.remove(event.getSession().getId());
    }

    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        sessions.remove(oldSessionId);
        sessions.put(event.getSession().getId(), event.getSession());
    }

    /** Sessions of the account open on this node. */
    public int count(long userId) {
        return registry.getAllPrincipals().stream()
                .filter(p -> p instanceof AppUserPrincipal a && a.id() == userId)
                .mapToInt(p -> registry.getAllSessions(p, false).size())
                .sum();
    }

    /**
     * Ends the account's sessions once the current transaction commits (at once without one): a
     * change that rolls back leaves them alone. The session making the change is kept, so that an
     * admin resetting their own password still sees the new one.
     */
    public void endAfterCommit(long userId, String username, String why) {
        var keep = currentSessionId().orElse(null);
        // For the other nodes, in the change's own transaction: RevokedSessionFilter reads it there.
        revocations.revoke(userId, keep);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    end(userId, username, why, keep);
                }
            });
        } else {
            end(userId, username, why, keep);
        }
    }

    private int end(long userId, String username, String why, String keep) {
        int ended = 0;
        for (var principal : registry.getAllPrincipals()) {
            if (!(principal instanceof AppUserPrincipal p) || p.id() != userId) {
                continue;
            }
            for (SessionInformation info : registry.getAllSessions(principal, false)) {
                if (info.getSessionId().equals(keep)) {
                    continue;
                }
                info.expireNow();
                var session = sessions.get(info.getSessionId());
                if (session != null) {
                    try {
                        session.invalidate();
                    } catch (IllegalStateException alreadyInvalidated) {
                        // ended meanwhile (logout, timeout): nothing left to do
                    }
                }
                ended++;
            }
        }
        if (ended > 0) {
            log.info("Ended {} session(s) of {} after {}", ended, username, why);
        }
        return ended;
    }

    private static Optional<String> currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return Optional.ofNullable(attributes.getRequest().getSession(false))
                    .map(HttpSession::getId);
        }
        return Optional.empty();
    }
}
