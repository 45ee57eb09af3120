package com.infraconsole.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.playbook.PlaybookSource;
import com.infraconsole.security.Role;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The playbook and user pickers of the jobs screens ask for a page of matching names, never all of them. */
@IntegrationTest
class JobPickersTest {

    @Autowired
    JobService jobs;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void playbook_picker_pages_through_names_containing_the_text_in_name_order() {
        var tag = "pick-" + UUID.randomUUID().toString().substring(0, 6);
        for (var suffix : new String[] {"c", "a", "b"}) {
            playbook(tag + "-" + suffix);
        }
        playbook("other-" + tag.replace("pick", "kcip"));
        testUsers.signIn(Role.AUDITOR);

        assertThat(jobs.playbooks(tag, PageRequest.of(0, 2)))
                .extracting(PlaybookSource.PlaybookRef::name)
                .containsExactly(tag + "-a", tag + "-b");
        assertThat(jobs.playbooks(tag.toUpperCase(), PageRequest.of(1, 2)))
                .extracting(PlaybookSource.PlaybookRef::name)
                .containsExactly(tag + "-c");
    }

    @Test
    void wildcards_in_the_text_are_matched_literally() {
        var tag = UUID.randomUUID().toString().substring(0, 6);
        playbook("disk-100%_" + tag);
        playbook("disk-100xx" + tag);
        testUsers.signIn(Role.OPERATOR);

        assertThat(jobs.playbooks("100%_" + tag, PageRequest.of(0, 10)))
                .extracting(PlaybookSource.PlaybookRef::name)
                .containsExactly("disk-100%_" + tag);
    }

    @Test
    void user_filter_pages_through_usernames_containing_the_text() {
        var admin = testUsers.create(Role.ADMIN);
        testUsers.signIn(Role.AUDITOR);

        assertThat(jobs.users(admin.getUsername(), PageRequest.of(0, 5)))
                .extracting(UserRef::username)
                .containsExactly(admin.getUsername());
        assertThat(jobs.users("no-such-user-" + UUID.randomUUID(), PageRequest.of(0, 5)))
                .isEmpty();
    }

    private void playbook(String name) {
        jdbc.sql("INSERT INTO playbooks (name, content, updated_by) VALUES (?, ?, 'test')")
                .params(name, "- hosts: all\n  tasks: []\n")
                .update();
    }
}
