package com.infraconsole.playbook;

import com.infraconsole.base.Like;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the job module reads of playbooks: the content a run executes, in the version the job was
 * launched with (read by the runner as the console itself, after the launch was authorised), and
 * the names for pickers and filters. Plain SQL on this module's own tables, so that a job never
 * loads a playbook's whole history. Playbooks are written only through PlaybookService.
 */
@Component
public class PlaybookSource {

    public record PlaybookRef(long id, String name, String content) {}

    private final JdbcClient jdbc;

    PlaybookSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PlaybookRef> find(long id) {
        return jdbc.sql("SELECT id, name, content FROM playbooks WHERE id = ?")
                .param(id)
                .query((rs, n) -> new PlaybookRef(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /**
     * The number the playbook's current content has, or will have, in its history: the playbook
     * service numbers versions by the row's optimistic-lock version + 1, and keeps a playbook saved
     * before history existed as that number on its first edit.
     */
    public Optional<Integer> currentVersion(long id) {
        return jdbc.sql("SELECT version + 1 FROM playbooks WHERE id = ?")
                .param(id)
                .query(Integer.class)
                .optional();
    }

    /** The content of one version: from the history, or the playbook itself while that version is current. */
    public Optional<PlaybookRef> find(long id, int versionNo) {
        var kept = jdbc.sql(
                        "SELECT playbook_id, name, content FROM playbook_versions WHERE playbook_id = ? AND version_no = ?")
                .params(id, versionNo)
                .query((rs, n) -> new PlaybookRef(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional();
        if (kept.isPresent()) {
            return kept;
        }
        return jdbc.sql("SELECT id, name, content FROM playbooks WHERE id = ? AND version + 1 = ?")
                .params(id, versionNo)
                .query((rs, n) -> new PlaybookRef(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** Id and name (no content) of the playbooks whose name contains the text, by name: a page for a picker. */
    public List<PlaybookRef> names(String text, int offset, int limit) {
        return jdbc.sql("SELECT id, name FROM playbooks WHERE name LIKE ? ESCAPE '!' ORDER BY name LIMIT ? OFFSET ?")
                .params(Like.containing(text), limit, offset)
                .query((rs, n) -> new PlaybookRef(rs.getLong(1), rs.getString(2), null))
                .list();
    }

    /** Names by id, for the ids a page of rows refers to. */
    public Map<Long, String> names(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var names = new HashMap<Long, String>();
        jdbc.sql("SELECT id, name FROM playbooks WHERE id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> names.put(rs.getLong(1), rs.getString(2)))
                .list();
        return names;
    }
}
