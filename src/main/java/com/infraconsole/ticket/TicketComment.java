package com.infraconsole.ticket;

import com.infraconsole.base.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A comment on a ticket; written once, never edited. */
@Entity
@Table(name = "ticket_comments")
public class TicketComment extends AbstractEntity {

    @Column(name = "ticket_id", nullable = false, updatable = false)
    private Long ticketId;

    @Column(name = "author_id", updatable = false)
    private Long authorId;

    @Column(name = "author_username", nullable = false, length = 80, updatable = false)
    private String authorUsername;

    @NotBlank(message = "Write a comment first")
    @Size(max = 10000, message = "A comment must be at most 10,000 characters")
    @Column(nullable = false, columnDefinition = "text", updatable = false)
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected TicketComment() {}

    TicketComment(long ticketId, Long authorId, String authorUsername, String body, Instant createdAt) {
        this.ticketId = ticketId;
        this.authorId = authorId;
        this.authorUsername = authorUsername;
        this.body = body;
        this.createdAt = createdAt;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public Long getAuthorId() {
        return authorId;
    }

    public String getAuthorUsername() {
        return authorUsername;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
