package com.infraconsole.ticket;

import com.infraconsole.base.ConstraintFields;
import com.infraconsole.base.EntityValidator;
import com.infraconsole.base.FreshRead;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.StaleDataException;
import com.infraconsole.base.audit.AuditAction;
import com.infraconsole.job.JobReferences;
import com.infraconsole.security.AdminOnly;
import com.infraconsole.security.AdminOrOperator;
import com.infraconsole.security.CurrentUser;
import com.infraconsole.security.SystemAuthentication;
import com.infraconsole.server.ServerService;
import com.infraconsole.user.User;
import com.infraconsole.user.UserService;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ops tickets, their status workflow and comments. Everyone signed in may read them; admins
 * and operators may create, edit, comment and move them along the workflow.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class TicketService {

    private final TicketRepository tickets;
    private final TicketCommentRepository comments;
    private final UserService users;
    private final ServerService servers;
    private final JobReferences jobs;
    private final EntityValidator validator;
    private final Clock clock;
    private final FreshRead freshRead;
    private final ApplicationEventPublisher events;

    TicketService(
            TicketRepository tickets,
            TicketCommentRepository comments,
            UserService users,
            ServerService servers,
            JobReferences jobs,
            EntityValidator validator,
            Clock clock,
            FreshRead freshRead,
            ApplicationEventPublisher events) {
        this.events = events;
        this.tickets = tickets;
        this.jobs = jobs;
        this.comments = comments;
        this.users = users;
        this.servers = servers;
        this.validator = validator;
        this.clock = clock;
        this.freshRead = freshRead;
    }

    @Transactional(readOnly = true)
    public List<Ticket> list(TicketFilter filter, Pageable pageable) {
        return tickets.findAll(filter.toSpecification(), pageable).getContent();
    }

    @Transactional(readOnly = true)
    public long count(TicketFilter filter) {
        return tickets.count(filter.toSpecification());
    }

    @Transactional(readOnly = true)
    public Optional<Ticket> get(long id) {
        return tickets.findWithPeopleById(id);
    }

    /** People a ticket can be assigned to: active accounts matching the text, a page at a time. */
    @Transactional(readOnly = true)
    public List<User> assignableUsers(String text, Pageable pageable) {
        return users.listActive(text, pageable);
    }

    /**
     * Creates or edits a ticket's fields. The reporter of a new ticket is the current user;
     * the status only changes through {@link #changeStatus}.
     */
    @Transactional
    @AdminOrOperator
    public Ticket save(Ticket ticket) {
        normalize(ticket);
        validator.validate(ticket);
        Long storedAssigneeId = null;
        if (!ticket.isNew()) {
            var stored = tickets.findWithPeopleById(ticket.getId())
                    .orElseThrow(() -> new StaleDataException("Ticket " + ticket, null, null));
            storedAssigneeId =
                    stored.getAssignee() == null ? null : stored.getAssignee().getId();
        }
        checkLinks(ticket, storedAssigneeId);
        if (ticket.isNew()) {
            ticket.setStatus(TicketStatus.OPEN);
            ticket.setResolvedAt(null);
            ticket.setReporter(
                    users.findByUsername(CurrentUser.require().getUsername()).orElse(null));
        }
        try {
            var saved = tickets.saveAndFlush(ticket);
            var assignee = saved.getAssignee();
            if (assignee != null && !assignee.getId().equals(storedAssigneeId)) {
                events.publishEvent(new TicketAssigned(
                        saved.getId(),
                        saved.getTitle(),
                        saved.getPriority().name(),
                        assignee.getId(),
                        assignee.getUsername(),
                        CurrentUser.require().getUsername()));
            }
            return tickets.findWithPeopleById(saved.getId()).orElseThrow();
        } catch (ObjectOptimisticLockingFailureException e) {
            throw stale(ticket.getId(), ticket.toString());
        } catch (DataIntegrityViolationException e) {
            // A linked user, server or job deleted between the check and the write.
            var gone = "This no longer exists; choose another";
            throw ConstraintFields.of(e)
                    .on("fk_tickets_server", "server", gone)
                    .on("fk_tickets_job", "jobId", gone)
                    .on("fk_tickets_assigned_to", "assignee", gone)
                    .orElse(() -> InvalidInputException.of(
                            "",
                            "The ticket could not be saved because the database refused it; please check the fields"));
        }
    }

    /**
     * A failed job launched with "open a ticket on failure" gets one open, high-priority ticket
     * linked to it and to its first server, reported by whoever launched the job. Only the
     * console itself calls this, after the run; a second call for the same job opens nothing.
     */
    @Transactional
    @AdminOnly
    public Optional<Ticket> openForFailedJob(
            long jobId, String title, String description, Long serverId, Long reporterId) {
        if (!SystemAuthentication.isSystem(CurrentUser.require())) {
            throw new AccessDeniedException("Only the console opens tickets for failed jobs");
        }
        if (tickets.existsByJobId(jobId)) {
            return Optional.empty();
        }
        var ticket = new Ticket(abbreviate(title, 255), TicketPriority.HIGH);
        ticket.setDescription(abbreviate(description, 10_000));
        ticket.setStatus(TicketStatus.OPEN);
        ticket.setJobId(jobId);
        if (serverId != null) {
            servers.get(serverId).ifPresent(ticket::setServer);
        }
        if (reporterId != null) {
            users.get(reporterId).ifPresent(ticket::setReporter);
        }
        normalize(ticket);
        validator.validate(ticket);
        return Optional.of(tickets.saveAndFlush(ticket));
    }

    private static String abbreviate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /**
     * Moves a ticket along the workflow, from the version the user saw: open -> in_progress ->
     * resolved -> closed, and resolved or closed -> open (reopen).
     */
    @Transactional
    @AdminOrOperator
    @AuditAction("TICKET_STATUS")
    public Ticket changeStatus(long ticketId, long expectedVersion, TicketStatus target) {
        var ticket = tickets.findWithPeopleById(ticketId)
                .orElseThrow(() -> new StaleDataException("Ticket #" + ticketId, null, null));
        if (ticket.getVersion() != expectedVersion) {
            throw new StaleDataException("Ticket " + ticket, ticket.getUpdatedBy(), ticket.getUpdatedAt());
        }
        if (target == null || !ticket.getStatus().canMoveTo(target)) {
            throw InvalidInputException.of(
                    "status",
                    "A ticket that is " + ticket.getStatus().label().toLowerCase()
                            + " cannot become "
                            + (target == null ? "nothing" : target.label().toLowerCase())
                            + "; allowed next: " + allowed(ticket.getStatus()));
        }
        ticket.setStatus(target);
        if (target == TicketStatus.RESOLVED) {
            ticket.setResolvedAt(clock.instant());
        } else if (target == TicketStatus.OPEN) {
            ticket.setResolvedAt(null);
        }
        try {
            tickets.flush();
        } catch (ObjectOptimisticLockingFailureException e) {
            throw stale(ticketId, ticket.toString());
        }
        return ticket;
    }

    /** Comments on a ticket, oldest first. */
    @Transactional(readOnly = true)
    public List<TicketComment> comments(long ticketId) {
        return comments.findByTicketIdOrderByCreatedAtAscIdAsc(ticketId);
    }

    @Transactional
    @AdminOrOperator
    public TicketComment addComment(long ticketId, String body) {
        var author = CurrentUser.require();
        var comment = new TicketComment(
                ticketId,
                author.id() > 0 ? author.id() : null,
                author.getUsername(),
                body == null || body.isBlank() ? null : body.strip(),
                clock.instant());
        validator.validate(comment);
        if (!tickets.existsById(ticketId)) {
            throw new StaleDataException("Ticket #" + ticketId, null, null);
        }
        return comments.saveAndFlush(comment);
    }

    /** An assignee who was deactivated after being assigned may stay; a newly chosen one must be active. */
    private void checkLinks(Ticket ticket, Long storedAssigneeId) {
        var errors = new LinkedHashMap<String, String>();
        if (ticket.getAssignee() != null) {
            var assignee = users.findByUsername(ticket.getAssignee().getUsername());
            var unchanged = assignee.isPresent() && assignee.get().getId().equals(storedAssigneeId);
            if (assignee.isEmpty() || !(assignee.get().isActive() || unchanged)) {
                errors.put("assignee", ticket.getAssignee().getUsername() + " is not an active user");
            } else {
                ticket.setAssignee(assignee.get());
            }
        }
        if (ticket.getServer() != null) {
            var server = ticket.getServer().getId() == null
                    ? Optional.<com.infraconsole.server.Server>empty()
                    : servers.get(ticket.getServer().getId());
            server.ifPresentOrElse(
                    ticket::setServer, () -> errors.put("server", "That server no longer exists; choose another"));
        }
        if (ticket.getJobId() != null && !jobs.exists(ticket.getJobId())) {
            errors.put("jobId", "There is no job " + ticket.getJobId());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private StaleDataException stale(Long id, String what) {
        // After a failed write this transaction still sees the row as it read it (or as we changed
        // it): a new one sees who really saved it.
        return freshRead.call(() -> {
            var current = id == null ? Optional.<Ticket>empty() : tickets.findById(id);
            return new StaleDataException(
                    "Ticket " + what,
                    current.map(Ticket::getUpdatedBy).orElse(null),
                    current.map(Ticket::getUpdatedAt).orElse(null));
        });
    }

    private static String allowed(TicketStatus status) {
        return String.join(
                " or ",
                status.next().stream()
                        .sorted()
                        .map(s -> s.label().toLowerCase())
                        .toList());
    }

    private static void normalize(Ticket t) {
        t.setTitle(
                t.getTitle() == null || t.getTitle().isBlank()
                        ? null
                        : t.getTitle().trim());
        t.setDescription(
                t.getDescription() == null || t.getDescription().isBlank()
                        ? null
                        : t.getDescription().strip());
    }
}
