package com.infraconsole.job;

import com.infraconsole.security.Role;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The state of a schedule's owner when the schedule fires: a schedule runs with its owner's
 * rights of that moment, not of the day it was created. Read in plain SQL, like the other
 * user names the job feature shows.
 */
@Component
class ScheduleOwners {

    record Owner(long id, String username, Role role, boolean active) {

        /** Why this owner cannot launch now, or empty. */
        Optional<String> refusal() {
            if (!active) {
                return Optional.of("Owner " + username + " is deactivated");
            }
            if (role != Role.ADMIN && role != Role.OPERATOR) {
                return Optional.of(
                        "Owner " + username + " is now " + role.label() + "; only admins and operators launch jobs");
            }
            return Optional.empty();
        }
    }

    private final JdbcClient jdbc;

    ScheduleOwners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Owner> find(long userId) {
        return jdbc.sql("SELECT id, username, role, is_active FROM users WHERE id = ?")
                .param(userId)
                .query((rs, n) ->
                        new Owner(rs.getLong(1), rs.getString(2), Role.fromDbValue(rs.getString(3)), rs.getBoolean(4)))
                .optional();
    }
}
