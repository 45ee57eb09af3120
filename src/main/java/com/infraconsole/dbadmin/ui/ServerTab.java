package com.infraconsole.dbadmin.ui;

import com.infraconsole.dbadmin.DatabaseAdminService;
import com.infraconsole.dbadmin.DbAdminText;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.DescriptionList.Description;
import com.vaadin.flow.component.html.DescriptionList.Term;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** Product, version, uptime and the connection pool. */
class ServerTab extends VerticalLayout {

    private final DatabaseAdminService service;
    private final DescriptionList facts = new DescriptionList();

    ServerTab(DatabaseAdminService service) {
        this.service = service;
        setPadding(false);
        facts.setId("server-facts");
        facts.addClassName("facts");
        add(new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refresh()), facts);
        refresh();
    }

    private void refresh() {
        var s = service.server();
        facts.removeAll();
        fact("Product", s.connection().product());
        fact("Version", s.connection().version());
        fact("Connection", s.connection().url() + " (user " + s.connection().user() + ")");
        fact("Uptime", DbAdminText.duration(s.uptime()));
        var p = s.pool();
        fact(
                "Connection pool",
                p.max() < 0
                        ? "not a Hikari pool"
                        : p.active() + " active, " + p.idle() + " idle, " + p.waiting() + " waiting, " + p.total()
                                + " open of at most " + p.max());
    }

    private void fact(String term, String value) {
        facts.add(new Term(term), new Description(value));
    }
}
