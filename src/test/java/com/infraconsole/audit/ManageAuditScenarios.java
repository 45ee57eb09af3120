package com.infraconsole.audit;

import com.infraconsole.TestUsers;
import com.infraconsole.audit.AuditCompletenessTest.Expected;
import com.infraconsole.audit.AuditCompletenessTest.Scenario;
import com.infraconsole.playbook.Playbook;
import com.infraconsole.playbook.PlaybookService;
import com.infraconsole.security.Role;
import com.infraconsole.ticket.Ticket;
import com.infraconsole.ticket.TicketPriority;
import com.infraconsole.ticket.TicketService;
import com.infraconsole.ticket.TicketStatus;
import java.util.Map;

/** The audit completeness scenarios of the playbook and ticket services (kept apart to keep that test short). */
final class ManageAuditScenarios {

    static final String YAML = "- hosts: all\n  tasks: []\n";

    private ManageAuditScenarios() {}

    static Map<String, Scenario> of(
            TestUsers testUsers, PlaybookService playbooks, TicketService tickets, AuditLogProbe audit) {
        return Map.of(
                "PlaybookService.save",
                        new Scenario(
                                () -> {
                                    testUsers.signIn(Role.OPERATOR);
                                    long since = audit.lastSeq();
                                    // The saved version copy is @AuditIgnored: the playbook's own row is the record.
                                    var p = playbooks.save(new Playbook("cmp-" + System.nanoTime(), null, YAML));
                                    return new Expected("Playbook", p.getId(), "CREATE", since);
                                },
                                () -> {
                                    testUsers.signIn(Role.OPERATOR);
                                    return () -> playbooks.save(
                                            new Playbook("cmp-bad-" + System.nanoTime(), null, "hosts: all\n"));
                                }),
                "PlaybookService.delete",
                        new Scenario(
                                () -> {
                                    testUsers.signIn(Role.OPERATOR);
                                    var p = playbooks.save(new Playbook("cmp-del-" + System.nanoTime(), null, YAML));
                                    long since = audit.lastSeq();
                                    playbooks.delete(p);
                                    return new Expected("Playbook", p.getId(), "DELETE", since);
                                },
                                () -> {
                                    testUsers.signIn(Role.OPERATOR);
                                    var p = playbooks.save(new Playbook("cmp-del-" + System.nanoTime(), null, YAML));
                                    var mine = playbooks.get(p.getId()).orElseThrow();
                                    p.setDescription("edited elsewhere");
                                    playbooks.save(p); // someone else saved first: my copy is stale
                                    return () -> playbooks.delete(mine);
                                }),
                "TicketService.save",
                        new Scenario(
                                () -> {
                                    testUsers.signIn(Role.OPERATOR);
                                    long since = audit.lastSeq();
                                    var t = tickets.save(new Ticket("cmp " + System.nanoTime(), TicketPriority.LOW));
                                    return new Expected("Ticket", t.getId(), "CREATE", since);
                                },
                                () -> {
                                    testUsers.signIn(Role.OPERATOR);
                                    return () -> tickets.save(new Ticket("   ", TicketPriority.LOW));
                                }),
                "TicketService.changeStatus",
                        new Scenario(
                                () -> {
                                    testUsers.signIn(Role.OPERATOR);
                                    var t = tickets.save(new Ticket("cmp " + System.nanoTime(), TicketPriority.LOW));
                                    long since = audit.lastSeq();
                                    tickets.changeStatus(t.getId(), t.getVersion(), TicketStatus.IN_PROGRESS);
                                    return new Expected("Ticket", t.getId(), "TICKET_STATUS", since);
                                },
                                () -> {
                                    testUsers.signIn(Role.OPERATOR);
                                    var t = tickets.save(new Ticket("cmp " + System.nanoTime(), TicketPriority.LOW));
                                    return () -> tickets.changeStatus(t.getId(), t.getVersion(), TicketStatus.CLOSED);
                                }),
                "TicketService.addComment",
                        new Scenario(
                                () -> {
                                    testUsers.signIn(Role.OPERATOR);
                                    var t = tickets.save(new Ticket("cmp " + System.nanoTime(), TicketPriority.LOW));
                                    long since = audit.lastSeq();
                                    var c = tickets.addComment(t.getId(), "checked");
                                    return new Expected("TicketComment", c.getId(), "CREATE", since);
                                },
                                () -> {
                                    testUsers.signIn(Role.OPERATOR);
                                    var t = tickets.save(new Ticket("cmp " + System.nanoTime(), TicketPriority.LOW));
                                    return () -> tickets.addComment(t.getId(), "  ");
                                }));
    }
}
