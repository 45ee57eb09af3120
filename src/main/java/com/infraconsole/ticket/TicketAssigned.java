package com.infraconsole.ticket;

/**
 * Published inside the saving transaction when a ticket gets a new assignee; listeners that act
 * outside the console (notifications) wait for the commit.
 */
public record TicketAssigned(
        long ticketId, String title, String priority, long assigneeId, String assignee, String assignedBy) {}
