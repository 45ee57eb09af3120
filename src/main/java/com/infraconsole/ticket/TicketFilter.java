package com.infraconsole.ticket;

import com.infraconsole.base.Like;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import org.springframework.data.jpa.domain.Specification;

/**
 * What the tickets list is narrowed by; every part is optional and becomes a WHERE clause.
 *
 * @param assigneeId only tickets assigned to this user ("assigned to me")
 * @param openOnly only tickets that still need work (open or in progress)
 */
public record TicketFilter(
        String text, TicketStatus status, TicketPriority priority, Long assigneeId, boolean openOnly) {

    public static TicketFilter none() {
        return new TicketFilter(null, null, null, null, false);
    }

    Specification<Ticket> toSpecification() {
        return (root, query, cb) -> {
            var predicates = new ArrayList<Predicate>();
            if (text != null && !text.isBlank()) {
                var trimmed = text.trim();
                var like = Like.containing(trimmed.toLowerCase());
                var matches = new ArrayList<Predicate>();
                matches.add(cb.like(cb.lower(root.get("title")), like, Like.ESCAPE));
                matches.add(cb.like(cb.lower(root.get("description")), like, Like.ESCAPE));
                // "#12" or "12" finds ticket 12 too.
                var digits = trimmed.startsWith("#") ? trimmed.substring(1) : trimmed;
                if (digits.matches("\\d{1,18}")) {
                    matches.add(cb.equal(root.get("id"), Long.parseLong(digits)));
                }
                predicates.add(cb.or(matches.toArray(Predicate[]::new)));
            }
            if (status != null) {
                predicates.add(cb.equal(root.get("status"), status));
            }
            if (priority != null) {
                predicates.add(cb.equal(root.get("priority"), priority));
            }
            if (assigneeId != null) {
                predicates.add(cb.equal(root.get("assignee").get("id"), assigneeId));
            }
            if (openOnly) {
                predicates.add(root.get("status").in(TicketStatus.OPEN, TicketStatus.IN_PROGRESS));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }
}
