package com.infraconsole.job;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read-only access to the playbooks table for the job feature. Written while the playbook
 * feature was built in parallel; at merge it can delegate to PlaybookService instead.
 */
@Component
public class PlaybookSource {

    public record PlaybookRef(long id, String name, String content) {}

    private final JdbcClient jdbc;

    PlaybookSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PlaybookRef> find(long id) {
        return jdbc.sql("SELECT id, name, content FROM playbooks WHERE id = ?").param(id)
                .query((rs, n) -> new PlaybookRef(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** Id and name of every playbook (no content), for pickers and filters. */
    public List<PlaybookRef> names() {
        return jdbc.sql("SELECT id, name FROM playbooks ORDER BY name")
                .query((rs, n) -> new PlaybookRef(rs.getLong(1), rs.getString(2), null)).list();
    }
}
