package com.infraconsole.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import com.infraconsole.security.SystemAuthentication;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The first administrator, created on a first start, also when two nodes start at once. */
@IntegrationTest
class InitialAdminTest {

    @Autowired
    InitialAdmin initialAdmin;

    @Autowired
    UserService userService;

    @Autowired
    TestUsers testUsers;

    @Test
    void creates_an_administrator_who_must_change_the_password() {
        var name = "first-" + UUID.randomUUID().toString().substring(0, 8);
        var password = initialAdmin.create(name);
        assertThat(password).get().asString().hasSize(20);
        var user = SystemAuthentication.call(() -> userService.findByUsername(name))
                .orElseThrow();
        assertThat(user.getRole()).isEqualTo(Role.ADMIN);
        assertThat(user.isMustChangePassword()).isTrue();
    }

    @Test
    void the_node_that_loses_the_race_for_the_first_administrator_starts_normally() {
        // The other node's insert landed between this node's "no users" check and its own insert.
        var other = testUsers.create(Role.ADMIN);
        assertThat(initialAdmin.create(other.getUsername())).isEmpty();
    }
}
