package com.infraconsole.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import com.infraconsole.RacingWrite;
import com.infraconsole.TestUsers;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.StaleDataException;
import com.infraconsole.security.Role;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class PlaybookServiceTest {

    static final String YAML = "- hosts: web\n  tasks:\n    - name: ping\n      ansible.builtin.ping:\n";

    @Autowired
    PlaybookService service;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RacingWrite race;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void admin_and_operator_can_create_edit_and_delete_playbooks() {
        for (var role : new Role[] {Role.ADMIN, Role.OPERATOR}) {
            var user = testUsers.signIn(role);
            var saved = service.save(new Playbook(unique("pb"), "  first  ", YAML));
            assertThat(saved.getId()).isNotNull();
            assertThat(saved.getDescription()).isEqualTo("first");
            assertThat(saved.getCreatedBy()).isEqualTo(user.getId());
            assertThat(saved.getUpdatedBy()).isEqualTo(user.getUsername());
            saved.setDescription("second");
            saved = service.save(saved);
            assertThat(service.get(saved.getId()).orElseThrow().getDescription())
                    .isEqualTo("second");
            service.delete(saved);
            assertThat(service.get(saved.getId())).isEmpty();
        }
    }

    @Test
    void auditor_can_read_but_not_change_playbooks() {
        testUsers.signIn(Role.OPERATOR);
        var saved = service.save(new Playbook(unique("pb"), null, YAML));
        testUsers.signIn(Role.AUDITOR);
        assertThat(service.get(saved.getId())).isPresent();
        assertThat(service.list(new PlaybookFilter(saved.getName()), PageRequest.of(0, 10)))
                .hasSize(1);
        assertThat(service.history(saved.getId())).hasSize(1);
        assertThatThrownBy(() -> service.save(new Playbook(unique("pb"), null, YAML)))
                .isInstanceOf(AccessDeniedException.class);
        saved.setDescription("auditor edit");
        assertThatThrownBy(() -> service.save(saved)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.delete(saved)).isInstanceOf(AccessDeniedException.class);
        assertThat(service.get(saved.getId()).orElseThrow().getDescription()).isNull();
    }

    @Test
    void nobody_signed_in_cannot_even_read() {
        assertThatThrownBy(() -> service.count(PlaybookFilter.none()))
                .isInstanceOf(org.springframework.security.core.AuthenticationException.class);
    }

    @Test
    void invalid_yaml_is_refused_at_the_content_field_with_its_line_and_nothing_is_saved() {
        testUsers.signIn(Role.OPERATOR);
        var name = unique("bad");
        assertThatThrownBy(() -> service.save(new Playbook(name, null, "- hosts: web\n  tasks: [\n")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors().get("content")).startsWith("Line 3: YAML syntax error"));
        assertThatThrownBy(() -> service.save(new Playbook(name, null, "hosts: web\n")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors().get("content")).contains("must be a list of plays"));
        assertThatThrownBy(() -> service.save(new Playbook(name, null, "- tasks: []\n")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors().get("content")).contains("no \"hosts\""));
        assertThat(service.count(new PlaybookFilter(name))).isZero();
    }

    @Test
    void empty_too_long_and_duplicate_names_are_field_messages() {
        testUsers.signIn(Role.ADMIN);
        assertThatThrownBy(() -> service.save(new Playbook("  ", null, YAML)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("name", "Name is required"));
        assertThatThrownBy(() -> service.save(new Playbook("x".repeat(256), null, YAML)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("name"));
        assertThatThrownBy(() -> service.save(new Playbook("two\nlines", null, YAML)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("name"));
        var name = unique("dup");
        service.save(new Playbook(name, null, YAML));
        assertThatThrownBy(() -> service.save(new Playbook(name.toUpperCase(), null, YAML)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsEntry("name", "A playbook named " + name.toUpperCase() + " already exists"));
    }

    @Test
    void every_changing_save_keeps_a_version_and_two_versions_can_be_compared() {
        testUsers.signIn(Role.OPERATOR);
        var pb = service.save(new Playbook(unique("hist"), null, YAML));
        pb.setContent(YAML.replace("ping\n", "ping twice\n"));
        pb = service.save(pb);
        pb = service.save(pb); // nothing changed: no new version
        pb.setName(pb.getName() + "-renamed");
        pb.setContent(pb.getContent() + "- hosts: db\n  roles: [postgres]\n");
        pb = service.save(pb);

        var history = service.history(pb.getId());
        assertThat(history).extracting(PlaybookVersionSummary::versionNo).containsExactly(3, 2, 1);
        assertThat(history.get(0).name()).endsWith("-renamed");
        assertThat(service.version(pb.getId(), 1).orElseThrow().getContent()).isEqualTo(YAML);

        var rows = service.diff(pb.getId(), 1, 3);
        assertThat(rows)
                .extracting(LineDiff.Row::kind)
                .containsExactly(
                        LineDiff.Kind.SAME,
                        LineDiff.Kind.SAME,
                        LineDiff.Kind.CHANGED,
                        LineDiff.Kind.SAME,
                        LineDiff.Kind.ADDED,
                        LineDiff.Kind.ADDED);
        assertThat(rows.get(2).left()).endsWith("name: ping");
        assertThat(rows.get(2).right()).endsWith("name: ping twice");
        var id = pb.getId();
        assertThatThrownBy(() -> service.diff(id, 1, 9)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_playbook_written_before_history_existed_keeps_its_original_on_first_edit() {
        var name = unique("legacy");
        jdbc.update("INSERT INTO playbooks (name, content) VALUES (?, ?)", name, YAML);
        testUsers.signIn(Role.OPERATOR);
        var pb = service.list(new PlaybookFilter(name), PageRequest.of(0, 1)).getFirst();
        pb.setContent(YAML + "- hosts: db\n  roles: [x]\n");
        service.save(pb);
        assertThat(service.history(pb.getId()))
                .extracting(PlaybookVersionSummary::versionNo)
                .containsExactly(2, 1);
        assertThat(service.version(pb.getId(), 1).orElseThrow().getContent()).isEqualTo(YAML);
    }

    @Test
    void a_stale_edit_is_refused_naming_who_saved_and_the_first_save_stays() {
        var first = testUsers.signIn(Role.OPERATOR);
        var pb = service.save(new Playbook(unique("stale"), null, YAML));
        var mine = service.get(pb.getId()).orElseThrow();
        var theirs = service.get(pb.getId()).orElseThrow();
        theirs.setDescription("theirs");
        service.save(theirs);

        testUsers.signIn(Role.ADMIN);
        mine.setDescription("mine");
        assertThatThrownBy(() -> service.save(mine)).isInstanceOfSatisfying(StaleDataException.class, e -> {
            assertThat(e.savedBy()).isEqualTo(first.getUsername());
            assertThat(e.getMessage()).contains("was changed by " + first.getUsername());
        });
        assertThat(mine.getDescription()).isEqualTo("mine");
        assertThat(service.get(pb.getId()).orElseThrow().getDescription()).isEqualTo("theirs");
        assertThat(service.history(pb.getId())).hasSize(2);
        assertThatThrownBy(() -> service.delete(mine)).isInstanceOf(StaleDataException.class);
    }

    @Test
    void a_playbook_used_by_jobs_cannot_be_deleted() {
        var user = testUsers.signIn(Role.OPERATOR);
        var pb = service.save(new Playbook(unique("used"), null, YAML));
        var host = unique("host");
        jdbc.update("INSERT INTO servers (hostname, ip_address, environment_id) VALUES (?, '10.9.9.9', 1)", host);
        var serverId = jdbc.queryForObject("SELECT id FROM servers WHERE hostname = ?", Long.class, host);
        jdbc.update(
                "INSERT INTO jobs (job_id, playbook_id, server_id, user_id) VALUES (?, ?, ?, ?)",
                UUID.randomUUID().toString(),
                pb.getId(),
                serverId,
                user.getId());
        assertThatThrownBy(() -> service.delete(pb))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors().get(""))
                                .isEqualTo(
                                        "Playbook " + pb.getName()
                                                + " is used by jobs or schedules and cannot be deleted; their history needs it."));
        assertThat(service.get(pb.getId())).isPresent();
    }

    @Test
    void too_long_description_and_content_are_field_messages_and_nothing_is_saved() {
        testUsers.signIn(Role.OPERATOR);
        var name = unique("long");
        var tooLong = new Playbook(name, "d".repeat(10_001), YAML + "#".repeat(Playbook.MAX_CONTENT));
        assertThatThrownBy(() -> service.save(tooLong))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKeys("description", "content"));
        assertThat(service.count(new PlaybookFilter(name))).isZero();
    }

    @Test
    void a_duplicate_name_racing_past_the_check_becomes_a_field_message() throws Exception {
        var operator = testUsers.create(Role.OPERATOR);
        var name = unique("race");
        var thrown = race.lose(
                operator,
                () -> service.save(new Playbook(name, "mine", YAML)),
                "INSERT INTO playbooks (name, content) VALUES (?, '- hosts: all')",
                name);
        assertThat(thrown)
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsEntry("name", "A playbook named " + name + " already exists"));
        TestUsers.signIn(operator);
        assertThat(service.count(new PlaybookFilter(name))).isOne();
    }

    @Test
    void a_save_racing_with_another_save_is_stale_and_names_who_saved() throws Exception {
        var operator = testUsers.signIn(Role.OPERATOR);
        var saved = service.save(new Playbook(unique("wrace"), "first", YAML));
        var mine = service.get(saved.getId()).orElseThrow();
        mine.setDescription("mine");
        var thrown = race.lose(
                operator,
                () -> service.save(mine),
                "UPDATE playbooks SET version = version + 1, "
                        + "description = 'theirs', updated_by = 'racing-operator' WHERE id = ?",
                saved.getId());
        assertThat(thrown)
                .isInstanceOfSatisfying(
                        StaleDataException.class, e -> assertThat(e.savedBy()).isEqualTo("racing-operator"));
        TestUsers.signIn(operator);
        assertThat(service.get(saved.getId()).orElseThrow().getDescription()).isEqualTo("theirs");
        assertThat(service.history(saved.getId())).hasSize(1);
    }
}
