package com.infraconsole.server;

import com.infraconsole.base.Like;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import org.springframework.data.jpa.domain.Specification;

/** What the servers list is narrowed by; every part is optional and becomes a WHERE clause. */
public record ServerFilter(String text, Long environmentId, ServerStatus status) {

    public static ServerFilter none() {
        return new ServerFilter(null, null, null);
    }

    Specification<Server> toSpecification() {
        return (root, query, cb) -> {
            var predicates = new ArrayList<Predicate>();
            if (text != null && !text.isBlank()) {
                var like = Like.containing(text.toLowerCase());
                predicates.add(cb.or(
                        cb.like(cb.lower(root.get("hostname")), like, Like.ESCAPE),
                        cb.like(root.get("ipAddress"), like, Like.ESCAPE),
                        cb.like(cb.lower(root.get("location")), like, Like.ESCAPE),
                        cb.like(cb.lower(root.get("osType")), like, Like.ESCAPE)));
            }
            if (environmentId != null) {
                predicates.add(cb.equal(root.get("environment").get("id"), environmentId));
            }
            if (status != null) {
                predicates.add(cb.equal(root.get("status"), status));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }
}
