package com.infraconsole.ticket;

import static com.infraconsole.ticket.TicketStatus.CLOSED;
import static com.infraconsole.ticket.TicketStatus.IN_PROGRESS;
import static com.infraconsole.ticket.TicketStatus.OPEN;
import static com.infraconsole.ticket.TicketStatus.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TicketStatusTest {

    @Test
    void the_workflow_moves_forward_one_step_and_reopens_only_from_resolved_or_closed() {
        assertThat(OPEN.next()).containsExactly(IN_PROGRESS);
        assertThat(IN_PROGRESS.next()).containsExactly(RESOLVED);
        assertThat(RESOLVED.next()).containsExactlyInAnyOrder(CLOSED, OPEN);
        assertThat(CLOSED.next()).containsExactly(OPEN);
    }

    @Test
    void no_status_moves_to_itself_and_nothing_skips_a_step() {
        for (var status : TicketStatus.values()) {
            assertThat(status.canMoveTo(status)).as(status.name()).isFalse();
        }
        assertThat(OPEN.canMoveTo(RESOLVED)).isFalse();
        assertThat(OPEN.canMoveTo(CLOSED)).isFalse();
        assertThat(IN_PROGRESS.canMoveTo(OPEN)).isFalse();
        assertThat(CLOSED.canMoveTo(IN_PROGRESS)).isFalse();
    }

    @Test
    void open_and_in_progress_still_need_work() {
        assertThat(TicketStatus.values()).filteredOn(TicketStatus::isOpen).containsExactly(OPEN, IN_PROGRESS);
    }

    @Test
    void the_database_value_is_lower_case_and_reads_back() {
        assertThat(IN_PROGRESS.dbValue()).isEqualTo("in_progress");
        for (var status : TicketStatus.values()) {
            assertThat(TicketStatus.fromDbValue(status.dbValue())).isEqualTo(status);
        }
        var converter = new TicketStatus.DbConverter();
        assertThat(converter.convertToDatabaseColumn(null)).isNull();
        assertThat(converter.convertToEntityAttribute(null)).isNull();
        assertThatThrownBy(() -> TicketStatus.fromDbValue("OPEN")).hasMessage("Unknown ticket status OPEN");
    }
}
