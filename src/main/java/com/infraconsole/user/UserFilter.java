package com.infraconsole.user;

import com.infraconsole.base.Like;
import com.infraconsole.security.Role;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import org.springframework.data.jpa.domain.Specification;

/** What the users list is narrowed by; every part is optional and becomes a WHERE clause. */
public record UserFilter(String text, Role role, Boolean active) {

    public static UserFilter none() {
        return new UserFilter(null, null, null);
    }

    Specification<User> toSpecification() {
        return (root, query, cb) -> {
            var predicates = new ArrayList<Predicate>();
            if (text != null && !text.isBlank()) {
                var like = Like.containing(text.toLowerCase());
                predicates.add(cb.or(
                        cb.like(cb.lower(root.get("username")), like, Like.ESCAPE),
                        cb.like(cb.lower(root.get("email")), like, Like.ESCAPE)));
            }
            if (role != null) {
                predicates.add(cb.equal(root.get("role"), role));
            }
            if (active != null) {
                predicates.add(cb.equal(root.get("active"), active));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }
}
