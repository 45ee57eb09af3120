package com.infraconsole.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import com.infraconsole.RacingWrite;
import com.infraconsole.TestUsers;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.StaleDataException;
import com.infraconsole.security.Role;
import com.infraconsole.server.Server;
import com.infraconsole.server.ServerService;
import com.infraconsole.user.User;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

@IntegrationTest
class TicketServiceTest {

    @Autowired
    TicketService service;

    @Autowired
    ServerService servers;

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

    private Ticket create(String title) {
        return service.save(new Ticket(title, TicketPriority.HIGH));
    }

    @Test
    void admin_and_operator_create_tickets_as_reporter_and_assign_them() {
        for (var role : new Role[] {Role.ADMIN, Role.OPERATOR}) {
            var assignee = testUsers.create(Role.OPERATOR);
            var me = testUsers.signIn(role);
            var ticket = new Ticket(unique("disk full"), TicketPriority.CRITICAL);
            ticket.setDescription("  /var is at 98%  ");
            ticket.setAssignee(assignee);
            var saved = service.save(ticket);
            assertThat(saved.getReporter().getUsername()).isEqualTo(me.getUsername());
            assertThat(saved.getAssignee().getUsername()).isEqualTo(assignee.getUsername());
            assertThat(saved.getStatus()).isEqualTo(TicketStatus.OPEN);
            assertThat(saved.getDescription()).isEqualTo("/var is at 98%");
            saved.setTitle(saved.getTitle() + " (edited)");
            var edited = service.save(saved);
            assertThat(edited.getTitle()).endsWith("(edited)");
            assertThat(edited.getVersion()).isEqualTo(saved.getVersion() + 1);
            service.addComment(edited.getId(), "by " + role.name());
            var started = service.changeStatus(edited.getId(), edited.getVersion(), TicketStatus.IN_PROGRESS);
            assertThat(started.getStatus()).isEqualTo(TicketStatus.IN_PROGRESS);
            assertThat(service.comments(edited.getId()))
                    .extracting(TicketComment::getAuthorUsername)
                    .containsExactly(me.getUsername());
        }
    }

    @Test
    void auditor_reads_everything_and_changes_nothing() {
        testUsers.signIn(Role.OPERATOR);
        var ticket = create(unique("auditor"));
        service.addComment(ticket.getId(), "first");
        testUsers.signIn(Role.AUDITOR);
        assertThat(service.get(ticket.getId())).isPresent();
        assertThat(service.comments(ticket.getId())).hasSize(1);
        assertThat(service.list(new TicketFilter(ticket.getTitle(), null, null, null, false), PageRequest.of(0, 5)))
                .hasSize(1);
        assertThatThrownBy(() -> create("nope")).isInstanceOf(AccessDeniedException.class);
        ticket.setTitle("changed by auditor");
        assertThatThrownBy(() -> service.save(ticket)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.changeStatus(ticket.getId(), ticket.getVersion(), TicketStatus.IN_PROGRESS))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.addComment(ticket.getId(), "hi")).isInstanceOf(AccessDeniedException.class);
        assertThat(service.get(ticket.getId()).orElseThrow().getStatus()).isEqualTo(TicketStatus.OPEN);
        assertThat(service.comments(ticket.getId())).hasSize(1);
    }

    @Test
    void the_workflow_runs_open_in_progress_resolved_closed_and_reopens() {
        testUsers.signIn(Role.OPERATOR);
        var t = create(unique("flow"));
        t = service.changeStatus(t.getId(), t.getVersion(), TicketStatus.IN_PROGRESS);
        assertThat(t.getResolvedAt()).isNull();
        t = service.changeStatus(t.getId(), t.getVersion(), TicketStatus.RESOLVED);
        assertThat(t.getResolvedAt()).isNotNull();
        t = service.changeStatus(t.getId(), t.getVersion(), TicketStatus.CLOSED);
        assertThat(t.getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(t.getResolvedAt()).isNotNull();
        t = service.changeStatus(t.getId(), t.getVersion(), TicketStatus.OPEN);
        assertThat(t.getStatus()).isEqualTo(TicketStatus.OPEN);
        assertThat(t.getResolvedAt()).isNull();
        var stored = service.get(t.getId()).orElseThrow();
        assertThat(stored.getStatus()).isEqualTo(TicketStatus.OPEN);
        assertThat(stored.getVersion()).isEqualTo(4);
    }

    @Test
    void invalid_transitions_are_refused_with_a_clear_message_and_change_nothing() {
        testUsers.signIn(Role.ADMIN);
        var t = create(unique("skip"));
        var id = t.getId();
        var version = t.getVersion();
        assertThatThrownBy(() -> service.changeStatus(id, version, TicketStatus.RESOLVED))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors().get("status"))
                                .isEqualTo("A ticket that is open cannot become resolved; allowed next: in progress"));
        assertThatThrownBy(() -> service.changeStatus(id, version, TicketStatus.CLOSED))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> service.changeStatus(id, version, TicketStatus.OPEN))
                .isInstanceOf(InvalidInputException.class);
        var started = service.changeStatus(id, version, TicketStatus.IN_PROGRESS);
        assertThatThrownBy(() -> service.changeStatus(id, started.getVersion(), TicketStatus.OPEN))
                .isInstanceOf(InvalidInputException.class);
        assertThat(service.get(id).orElseThrow().getStatus()).isEqualTo(TicketStatus.IN_PROGRESS);
    }

    @Test
    void a_status_change_from_an_old_version_is_stale() {
        var first = testUsers.signIn(Role.OPERATOR);
        var t = create(unique("stale-status"));
        service.changeStatus(t.getId(), t.getVersion(), TicketStatus.IN_PROGRESS);
        testUsers.signIn(Role.ADMIN);
        assertThatThrownBy(() -> service.changeStatus(t.getId(), t.getVersion(), TicketStatus.IN_PROGRESS))
                .isInstanceOfSatisfying(
                        StaleDataException.class, e -> assertThat(e.savedBy()).isEqualTo(first.getUsername()));
    }

    @Test
    void a_stale_edit_is_refused_naming_who_saved_and_keeps_the_first_save() {
        var first = testUsers.signIn(Role.OPERATOR);
        var t = create(unique("stale"));
        var mine = service.get(t.getId()).orElseThrow();
        var theirs = service.get(t.getId()).orElseThrow();
        theirs.setTitle(theirs.getTitle() + " theirs");
        service.save(theirs);
        testUsers.signIn(Role.ADMIN);
        mine.setTitle("mine");
        assertThatThrownBy(() -> service.save(mine)).isInstanceOfSatisfying(StaleDataException.class, e -> {
            assertThat(e.savedBy()).isEqualTo(first.getUsername());
            assertThat(e.savedAt()).isNotNull();
        });
        assertThat(mine.getTitle()).isEqualTo("mine");
        assertThat(service.get(t.getId()).orElseThrow().getTitle()).endsWith(" theirs");
    }

    @Test
    void bad_input_becomes_field_messages() {
        testUsers.signIn(Role.OPERATOR);
        assertThatThrownBy(() -> create("   "))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("title", "Title is required"));
        assertThatThrownBy(() -> create("x".repeat(256)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("title"));
        var noPriority = new Ticket(unique("p"), null);
        assertThatThrownBy(() -> service.save(noPriority))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("priority"));
        var badLinks = new Ticket(unique("links"), TicketPriority.LOW);
        badLinks.setJobId(987654321L);
        var inactive = testUsers.create(Role.OPERATOR);
        jdbc.update("UPDATE users SET is_active = FALSE WHERE id = ?", inactive.getId());
        badLinks.setAssignee(inactive);
        assertThatThrownBy(() -> service.save(badLinks)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.fieldErrors()).containsEntry("jobId", "There is no job 987654321");
            assertThat(e.fieldErrors()).containsEntry("assignee", inactive.getUsername() + " is not an active user");
        });
        assertThat(service.count(new TicketFilter(badLinks.getTitle(), null, null, null, false)))
                .isZero();
    }

    @Test
    void a_ticket_keeps_an_assignee_deactivated_after_assignment_but_a_new_pick_must_be_active() {
        testUsers.signIn(Role.OPERATOR);
        var leaver = testUsers.create(Role.OPERATOR);
        var ticket = new Ticket(unique("leaver"), TicketPriority.MEDIUM);
        ticket.setAssignee(leaver);
        var saved = service.save(ticket);
        jdbc.update("UPDATE users SET is_active = FALSE WHERE id = ?", leaver.getId());
        saved.setTitle(saved.getTitle() + " edited");
        var edited = service.save(saved);
        assertThat(edited.getAssignee().getUsername()).isEqualTo(leaver.getUsername());

        var other = service.save(new Ticket(unique("other"), TicketPriority.LOW));
        other.setAssignee(leaver);
        assertThatThrownBy(() -> service.save(other))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("assignee"));
    }

    @Test
    void the_assignee_picker_offers_active_users_only_searched_in_sql_a_page_at_a_time() {
        var active = testUsers.create(Role.OPERATOR);
        var leaver = testUsers.create(Role.OPERATOR);
        jdbc.update("UPDATE users SET is_active = FALSE WHERE id = ?", leaver.getId());
        testUsers.signIn(Role.OPERATOR);
        var page = PageRequest.of(0, 10, Sort.by("username"));
        assertThat(service.assignableUsers(active.getUsername(), page)).containsExactly(active);
        assertThat(service.assignableUsers(leaver.getUsername(), page)).isEmpty();
        assertThat(service.assignableUsers("", PageRequest.of(0, 3, Sort.by("username"))))
                .hasSize(3)
                .allMatch(User::isActive);
    }

    @Test
    void a_ticket_links_a_server_and_a_job() {
        var user = testUsers.signIn(Role.OPERATOR);
        var server = new Server();
        server.setHostname(unique("web"));
        server.setIpAddress("10.1.2.3");
        server.setEnvironment(servers.environments().getFirst());
        server = servers.save(server);
        jdbc.update("INSERT INTO playbooks (name, content) VALUES (?, '- hosts: all')", unique("pb"));
        var playbookId = jdbc.queryForObject("SELECT MAX(id) FROM playbooks", Long.class);
        jdbc.update(
                "INSERT INTO jobs (job_id, playbook_id, server_id, user_id) VALUES (?, ?, ?, ?)",
                UUID.randomUUID().toString(),
                playbookId,
                server.getId(),
                user.getId());
        var jobId = jdbc.queryForObject("SELECT MAX(id) FROM jobs", Long.class);
        var ticket = new Ticket(unique("linked"), TicketPriority.MEDIUM);
        ticket.setServer(server);
        ticket.setJobId(jobId);
        var saved = service.save(ticket);
        assertThat(saved.getServer().getHostname()).isEqualTo(server.getHostname());
        assertThat(saved.getJobId()).isEqualTo(jobId);
    }

    @Test
    void comments_are_kept_oldest_first_with_their_author() {
        var me = testUsers.signIn(Role.OPERATOR);
        var t = create(unique("comments"));
        service.addComment(t.getId(), "  first  ");
        service.addComment(t.getId(), "second\nwith two lines");
        assertThat(service.comments(t.getId()))
                .extracting(TicketComment::getBody)
                .containsExactly("first", "second\nwith two lines");
        assertThat(service.comments(t.getId()).getFirst().getAuthorUsername()).isEqualTo(me.getUsername());
        assertThatThrownBy(() -> service.addComment(t.getId(), "  "))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("body", "Write a comment first"));
        assertThatThrownBy(() -> service.addComment(t.getId(), "x".repeat(10001)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> service.addComment(999999999L, "lost")).isInstanceOf(StaleDataException.class);
        assertThat(t.getVersion())
                .isEqualTo(service.get(t.getId()).orElseThrow().getVersion());
    }

    @Test
    void filters_find_my_open_tickets_by_text_status_and_priority_and_sort_by_assignee() {
        var me = testUsers.signIn(Role.OPERATOR);
        var tag = unique("filter");
        var mine = new Ticket(tag + " mine", TicketPriority.CRITICAL);
        mine.setAssignee(me);
        mine = service.save(mine);
        var other = create(tag + " other");
        var done = new Ticket(tag + " done", TicketPriority.LOW);
        done.setAssignee(me);
        done = service.save(done);
        done = service.changeStatus(done.getId(), done.getVersion(), TicketStatus.IN_PROGRESS);
        service.changeStatus(done.getId(), done.getVersion(), TicketStatus.RESOLVED);

        var page = PageRequest.of(0, 10, Sort.by("assignee.username", "id"));
        assertThat(service.list(new TicketFilter(tag, null, null, null, false), page))
                .hasSize(3);
        assertThat(service.list(new TicketFilter(tag, null, null, me.getId(), false), page))
                .hasSize(2);
        assertThat(service.list(new TicketFilter(tag, null, null, me.getId(), true), page))
                .extracting(Ticket::getId)
                .containsExactly(mine.getId());
        assertThat(service.list(new TicketFilter(tag, null, null, null, true), page))
                .hasSize(2);
        assertThat(service.list(new TicketFilter(tag, TicketStatus.RESOLVED, null, null, false), page))
                .hasSize(1);
        assertThat(service.list(new TicketFilter(tag, null, TicketPriority.HIGH, null, false), page))
                .extracting(Ticket::getId)
                .containsExactly(other.getId());
        assertThat(service.list(new TicketFilter("#" + other.getId(), null, null, null, false), page))
                .extracting(Ticket::getId)
                .contains(other.getId());
        assertThat(service.count(new TicketFilter(tag + "%", null, null, null, false)))
                .isZero();
    }

    @Test
    void nobody_signed_in_can_read_or_create_tickets() {
        assertThatThrownBy(() -> service.list(TicketFilter.none(), PageRequest.of(0, 5)))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> service.save(new Ticket(unique("anon"), TicketPriority.LOW)))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> service.addComment(1L, "anon")).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void no_signed_in_user_of_any_role_may_open_a_ticket_for_a_failed_job() {
        for (var role : Role.values()) {
            testUsers.signIn(role);
            assertThatThrownBy(() -> service.openForFailedJob(1L, "Job failed", null, null, null))
                    .as(role.name())
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void a_too_long_description_is_refused_at_the_field_and_the_ticket_stays_as_it_was() {
        testUsers.signIn(Role.OPERATOR);
        var t = create(unique("long"));
        var edit = service.get(t.getId()).orElseThrow();
        edit.setDescription("x".repeat(10_001));
        assertThatThrownBy(() -> service.save(edit))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("description"));
        var stored = service.get(t.getId()).orElseThrow();
        assertThat(stored.getDescription()).isNull();
        assertThat(stored.getVersion()).isEqualTo(t.getVersion());
    }

    @Test
    void a_status_change_racing_with_another_save_is_stale_and_names_who_saved() throws Exception {
        var operator = testUsers.signIn(Role.OPERATOR);
        var t = create(unique("wrace"));
        var thrown = race.lose(
                operator,
                () -> service.changeStatus(t.getId(), t.getVersion(), TicketStatus.IN_PROGRESS),
                "UPDATE tickets SET version = version + 1, updated_by = 'racing-operator' WHERE id = ?",
                t.getId());
        assertThat(thrown)
                .isInstanceOfSatisfying(
                        StaleDataException.class, e -> assertThat(e.savedBy()).isEqualTo("racing-operator"));
        TestUsers.signIn(operator);
        assertThat(service.get(t.getId()).orElseThrow().getStatus()).isEqualTo(TicketStatus.OPEN);
    }

    @Test
    void an_edit_racing_with_another_save_is_stale_and_names_who_saved() throws Exception {
        var operator = testUsers.signIn(Role.OPERATOR);
        var t = create(unique("wrace"));
        var mine = service.get(t.getId()).orElseThrow();
        mine.setTitle("mine");
        var thrown = race.lose(
                operator,
                () -> service.save(mine),
                "UPDATE tickets SET version = version + 1, updated_by = 'racing-operator' WHERE id = ?",
                t.getId());
        assertThat(thrown)
                .isInstanceOfSatisfying(
                        StaleDataException.class, e -> assertThat(e.savedBy()).isEqualTo("racing-operator"));
        TestUsers.signIn(operator);
        assertThat(service.get(t.getId()).orElseThrow().getTitle()).isEqualTo(t.getTitle());
    }
}
