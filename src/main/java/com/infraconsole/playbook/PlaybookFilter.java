package com.infraconsole.playbook;

import com.infraconsole.base.Like;
import org.springframework.data.jpa.domain.Specification;

/** Narrows the playbook list by a text found in the name or description; empty means all. */
public record PlaybookFilter(String text) {

    public static PlaybookFilter none() {
        return new PlaybookFilter(null);
    }

    Specification<Playbook> toSpecification() {
        return (root, query, cb) -> {
            if (text == null || text.isBlank()) {
                return cb.conjunction();
            }
            var like = Like.containing(text.toLowerCase());
            return cb.or(
                    cb.like(cb.lower(root.get("name")), like, Like.ESCAPE),
                    cb.like(cb.lower(root.get("description")), like, Like.ESCAPE));
        };
    }
}
