package com.infraconsole.ticket;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TicketCommentRepository extends JpaRepository<TicketComment, Long> {

    List<TicketComment> findByTicketIdOrderByCreatedAtAscIdAsc(long ticketId);
}
