package com.infraconsole.ticket;

import com.infraconsole.base.EditableEntity;
import com.infraconsole.server.Server;
import com.infraconsole.user.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

@Entity
@Table(name = "tickets")
public class Ticket extends EditableEntity {

    @NotBlank(message = "Title is required")
    @Size(max = 255, message = "Title must be at most 255 characters")
    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "Title must be a single line of text")
    @Column(nullable = false)
    private String title;

    @Size(max = 10000, message = "Description must be at most 10,000 characters")
    @Column(columnDefinition = "text")
    private String description;

    @NotNull(message = "Choose a priority")
    @Column(nullable = false, length = 20)
    private TicketPriority priority = TicketPriority.MEDIUM;

    /** Changed only through TicketService.changeStatus, which enforces the workflow. */
    @Column(nullable = false, length = 20)
    private TicketStatus status = TicketStatus.OPEN;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "created_by", updatable = false)
    private User reporter;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assigned_to")
    private User assignee;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "server_id")
    private Server server;

    /** Kept as an id: the job feature owns jobs, and a ticket only points at one. */
    @Positive(message = "A job id is a positive number")
    @Column(name = "job_id")
    private Long jobId;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    public Ticket() {}

    public Ticket(String title, TicketPriority priority) {
        this.title = title;
        this.priority = priority;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public TicketPriority getPriority() {
        return priority;
    }

    public void setPriority(TicketPriority priority) {
        this.priority = priority;
    }

    public TicketStatus getStatus() {
        return status;
    }

    void setStatus(TicketStatus status) {
        this.status = status;
    }

    public User getReporter() {
        return reporter;
    }

    void setReporter(User reporter) {
        this.reporter = reporter;
    }

    public User getAssignee() {
        return assignee;
    }

    public void setAssignee(User assignee) {
        this.assignee = assignee;
    }

    public Server getServer() {
        return server;
    }

    public void setServer(Server server) {
        this.server = server;
    }

    public Long getJobId() {
        return jobId;
    }

    public void setJobId(Long jobId) {
        this.jobId = jobId;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    void setResolvedAt(Instant resolvedAt) {
        this.resolvedAt = resolvedAt;
    }

    @Override
    public String toString() {
        return "#" + getId() + " " + title;
    }
}
