package com.infraconsole.api;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.StaleDataException;
import com.infraconsole.ticket.Ticket;
import com.infraconsole.ticket.TicketComment;
import com.infraconsole.ticket.TicketFilter;
import com.infraconsole.ticket.TicketPriority;
import com.infraconsole.ticket.TicketService;
import com.infraconsole.ticket.TicketStatus;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** /api/v1/tickets and their comments, through TicketService. */
@RestController
@RequestMapping("/api/v1/tickets")
class TicketApi {

    record TicketJson(
            Long id,
            String title,
            String description,
            String priority,
            String status,
            String reporter,
            String assignee,
            Long jobId,
            Instant createdAt,
            Instant resolvedAt,
            Long version) {

        static TicketJson of(Ticket t) {
            return new TicketJson(
                    t.getId(),
                    t.getTitle(),
                    t.getDescription(),
                    t.getPriority() == null ? null : t.getPriority().dbValue(),
                    t.getStatus() == null ? null : t.getStatus().dbValue(),
                    t.getReporter() == null ? null : t.getReporter().getUsername(),
                    t.getAssignee() == null ? null : t.getAssignee().getUsername(),
                    t.getJobId(),
                    t.getCreatedAt(),
                    t.getResolvedAt(),
                    t.getVersion());
        }
    }

    record StatusJson(String status) {}

    record CommentJson(Long id, String author, String body, Instant createdAt) {

        static CommentJson of(TicketComment c) {
            return new CommentJson(c.getId(), c.getAuthorUsername(), c.getBody(), c.getCreatedAt());
        }
    }

    private final TicketService tickets;

    TicketApi(TicketService tickets) {
        this.tickets = tickets;
    }

    @GetMapping
    Paging.Page<TicketJson> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        var filter = new TicketFilter(
                q,
                status == null ? null : parse(TicketStatus.values(), status, TicketStatus::dbValue, "status"),
                null,
                null,
                false);
        var request = Paging.of(page, size, Sort.by(Sort.Direction.DESC, "id"));
        return new Paging.Page<>(
                tickets.list(filter, request).stream().map(TicketJson::of).toList(),
                request.getPageNumber(),
                request.getPageSize(),
                tickets.count(filter));
    }

    @GetMapping("/{id}")
    ResponseEntity<TicketJson> get(@PathVariable long id) {
        var t = find(id);
        return ETags.ok(t.getVersion(), TicketJson.of(t));
    }

    @PostMapping
    ResponseEntity<TicketJson> create(@RequestBody TicketJson body) {
        var t = new Ticket(body.title(), priority(body.priority()));
        t.setDescription(body.description());
        var saved = tickets.save(t);
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + saved.getId()))
                .eTag(ETags.of(saved.getVersion()))
                .body(TicketJson.of(saved));
    }

    /** Title, description and priority; the status changes through /status, which has its own rules. */
    @PutMapping("/{id}")
    ResponseEntity<TicketJson> update(
            @PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody TicketJson body) {
        var t = current(id, ETags.required(ifMatch));
        t.setTitle(body.title());
        t.setDescription(body.description());
        t.setPriority(priority(body.priority()));
        var saved = tickets.save(t);
        return ETags.ok(saved.getVersion(), TicketJson.of(saved));
    }

    @PostMapping("/{id}/status")
    ResponseEntity<TicketJson> status(
            @PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody StatusJson body) {
        var target = parse(
                TicketStatus.values(), body.status() == null ? "" : body.status(), TicketStatus::dbValue, "status");
        var saved = tickets.changeStatus(id, ETags.required(ifMatch), target);
        return ETags.ok(saved.getVersion(), TicketJson.of(saved));
    }

    @GetMapping("/{id}/comments")
    List<CommentJson> comments(@PathVariable long id) {
        find(id);
        return tickets.comments(id).stream().map(CommentJson::of).toList();
    }

    @PostMapping("/{id}/comments")
    ResponseEntity<CommentJson> comment(@PathVariable long id, @RequestBody CommentJson body) {
        find(id);
        var c = tickets.addComment(id, body.body());
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + id + "/comments"))
                .body(CommentJson.of(c));
    }

    private Ticket current(long id, long expected) {
        var t = find(id);
        if (t.getVersion() != expected) {
            throw new StaleDataException("Ticket " + t, t.getUpdatedBy(), t.getUpdatedAt());
        }
        return t;
    }

    private Ticket find(long id) {
        return tickets.get(id).orElseThrow(() -> new NoSuchElementException("No ticket " + id));
    }

    private static TicketPriority priority(String value) {
        return value == null
                ? TicketPriority.MEDIUM
                : parse(TicketPriority.values(), value, TicketPriority::dbValue, "priority");
    }

    private static <E> E parse(E[] values, String value, java.util.function.Function<E, String> name, String field) {
        return Arrays.stream(values)
                .filter(v -> name.apply(v).equalsIgnoreCase(value.trim()))
                .findFirst()
                .orElseThrow(() -> InvalidInputException.of(
                        field,
                        "The " + field + " is one of "
                                + String.join(
                                        ", ", Arrays.stream(values).map(name).toList())));
    }
}
