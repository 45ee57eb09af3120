package com.infraconsole.notification;

import com.infraconsole.base.FreshRead;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.StaleDataException;
import com.infraconsole.base.audit.AuditAction;
import com.infraconsole.security.AdminOnly;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notification rules and the delivery log, for admins. A destination is written once and never
 * shown again: to change it, delete the rule and create another.
 */
@Service
@AdminOnly
public class NotificationService {

    /** What an admin asks for; destination is email addresses (comma-separated) or a URL. */
    public record NewRule(String name, NotificationEvent event, NotificationChannel channel, String destination) {
        @Override
        public String toString() {
            return "NewRule[" + name + "]";
        }
    }

    /** A rule just created; signingSecret (generic webhooks only) is shown once and kept nowhere in the clear. */
    public record CreatedRule(NotificationRule rule, String signingSecret) {
        @Override
        public String toString() {
            return "CreatedRule[" + rule + "]";
        }
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;]+");
    private final NotificationRuleRepository rules;
    private final DeliveryQueue queue;
    private final NotificationSecrets box;
    private final FreshRead freshRead;

    NotificationService(
            NotificationRuleRepository rules, DeliveryQueue queue, NotificationSecrets box, FreshRead freshRead) {
        this.rules = rules;
        this.queue = queue;
        this.box = box;
        this.freshRead = freshRead;
    }

    @Transactional(readOnly = true)
    public List<NotificationRule> rules(Pageable pageable) {
        return rules.findAllByOrderByNameAsc(PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()));
    }

    @Transactional(readOnly = true)
    public long countRules() {
        return rules.count();
    }

    /** The delivery log, newest first, a page at a time. */
    @Transactional(readOnly = true)
    public List<Delivery> deliveries(Pageable pageable) {
        return queue.page((int) pageable.getOffset(), pageable.getPageSize());
    }

    @Transactional(readOnly = true)
    public long countDeliveries() {
        return queue.count();
    }

    @Transactional
    @AuditAction("NOTIFICATION_RULE_CREATE")
    public CreatedRule create(NewRule request) {
        var errors = new LinkedHashMap<String, String>();
        var name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 120) {
            errors.put("name", "Name is required (at most 120 characters)");
        } else if (rules.existsByNameIgnoreCase(name)) {
            errors.put("name", "A rule named " + name + " already exists");
        }
        if (request.event() == null) {
            errors.put("event", "Choose an event");
        }
        if (request.channel() == null) {
            errors.put("channel", "Choose a channel");
        }
        var destination =
                request.destination() == null ? "" : request.destination().strip();
        String hint = null;
        if (request.channel() == NotificationChannel.EMAIL) {
            var addresses = List.of(destination.split("\\s*[,;]\\s*"));
            if (destination.isEmpty()
                    || addresses.size() > 20
                    || !addresses.stream().allMatch(a -> EMAIL.matcher(a).matches())) {
                errors.put("destination", "One to 20 email addresses, separated by commas");
            } else {
                hint = String.join(", ", addresses);
            }
        } else if (request.channel() != null) {
            hint = urlHint(destination);
            if (hint == null) {
                errors.put("destination", "An http:// or https:// URL (the channel's incoming-webhook URL)");
            }
        }
        if (hint != null && hint.length() > 200) {
            errors.put("destination", "At most 200 characters of addresses");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var secret = request.channel() == NotificationChannel.WEBHOOK ? NotificationSecrets.newSecret() : null;
        var rule = new NotificationRule(
                name,
                request.event(),
                request.channel(),
                box.encrypt(destination),
                hint,
                secret == null ? null : box.encrypt(secret));
        try {
            return new CreatedRule(rules.saveAndFlush(rule), secret);
        } catch (DataIntegrityViolationException e) {
            if (String.valueOf(e.getMostSpecificCause().getMessage()).contains("uq_notification_rules_name")) {
                throw InvalidInputException.of("name", "A rule named " + name + " already exists");
            }
            throw e;
        }
    }

    @Transactional
    @AuditAction("NOTIFICATION_RULE_ENABLE")
    public NotificationRule setEnabled(NotificationRule rule, boolean enabled) {
        var current = current(rule);
        current.setEnabled(enabled);
        try {
            return rules.saveAndFlush(current);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw stale(rule);
        }
    }

    @Transactional
    @AuditAction("NOTIFICATION_RULE_DELETE")
    public void delete(NotificationRule rule) {
        rules.delete(current(rule));
        rules.flush();
    }

    /** Scheme and host only: the path and query of an incoming-webhook URL are its token. */
    static String urlHint(String url) {
        try {
            var uri = new URI(url);
            if (uri.getHost() == null
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || url.length() > 2000) {
                return null;
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "/…";
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private NotificationRule current(NotificationRule rule) {
        var current =
                rules.findById(rule.getId()).orElseThrow(() -> new StaleDataException(rule.toString(), null, null));
        if (current.getVersion() != rule.getVersion()) {
            throw stale(rule);
        }
        return current;
    }

    private StaleDataException stale(NotificationRule rule) {
        return freshRead.call(() -> {
            var current = rules.findById(rule.getId());
            return new StaleDataException(
                    rule.toString(),
                    current.map(NotificationRule::getUpdatedBy).orElse(null),
                    current.map(NotificationRule::getUpdatedAt).orElse(null));
        });
    }
}
