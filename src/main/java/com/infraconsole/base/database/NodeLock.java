package com.infraconsole.base.database;

import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Housekeeping that must run on one console node at a time (retention of audit partitions and job
 * logs): a named database lock (MariaDB and MySQL {@code GET_LOCK}) held by one connection for as
 * long as the work runs. A node that does not get it at once skips this run; it is released on
 * every exit, and by the server if the node dies.
 */
public final class NodeLock {

    private NodeLock() {}

    /**
     * Runs {@code work} under the lock named {@code name}, on the session that holds it.
     *
     * @return the work's result, or empty when another node holds the lock
     */
    public static <T> Optional<T> run(JdbcTemplate jdbc, String name, Function<JdbcTemplate, T> work) {
        return jdbc.execute((ConnectionCallback<Optional<T>>) con -> {
            var session = new JdbcTemplate(new SingleConnectionDataSource(con, true));
            if (!Integer.valueOf(1).equals(session.queryForObject("SELECT GET_LOCK(?, 0)", Integer.class, name))) {
                return Optional.empty();
            }
            try {
                return Optional.of(work.apply(session));
            } finally {
                session.queryForObject("SELECT RELEASE_LOCK(?)", Integer.class, name);
            }
        });
    }
}
