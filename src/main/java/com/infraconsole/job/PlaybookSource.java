package com.infraconsole.job;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the job feature reads of playbooks: the content a run executes (read by the runner as the
 * console itself, after the launch was authorised) and the names for pickers and filters, in
 * plain SQL so that a job never loads the playbook's version history. Playbooks are written
 * only through PlaybookService.
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
