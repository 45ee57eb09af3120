package com.infraconsole.dashboard.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.infraconsole.KaribuTest;
import com.infraconsole.dashboard.JobFixtures;
import com.infraconsole.security.Role;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.sidenav.SideNav;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class DashboardViewTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void every_role_lands_on_the_dashboard_with_tiles_and_four_charts() {
        for (var role : Role.values()) {
            signInAs(role);
            UI.getCurrent().navigate("");
            var view = _get(DashboardView.class);
            assertThat(_get(view, Div.class, s -> s.withId("tile-servers"))
                            .getElement()
                            .getTextRecursively())
                    .contains("Servers");
            assertThat(_get(view, Div.class, s -> s.withId("tile-success-7d"))
                            .getElement()
                            .getTextRecursively())
                    .contains("Success rate, 7 days");
            var charts = com.github.mvysny.kaributesting.v10.LocatorJ._find(view, Svg.class);
            assertThat(charts).hasSize(4);
            assertThat(charts.getFirst().getElement().getProperty("innerHTML"))
                    .contains("<title", "Jobs per day by outcome", "Succeeded");
            assertThat(UI.getCurrent().getPollInterval()).isEqualTo(DashboardView.REFRESH_MILLIS);
            var nav = _get(SideNav.class);
            assertThat(nav.getItems().getFirst().getLabel()).isEqualTo("Dashboard");
            tearDownVaadin();
        }
    }

    @Test
    void a_new_failure_appears_on_the_next_poll_with_a_link_to_its_job() {
        var operator = signInAs(Role.OPERATOR);
        UI.getCurrent().navigate("");
        var view = _get(DashboardView.class);
        var fx = new JobFixtures(jdbc, operator.getId());
        long job = fx.job(fx.playbook("dash-view-" + UUID.randomUUID()), "failed", Instant.now(), 5, "disk full");

        view.refresh(); // what the poll listener runs every REFRESH_MILLIS

        // Its own row, wherever it is: another test's failure in the same second may sort first.
        var grid = _get(view, RecentFailuresGrid.class);
        var row = IntStream.range(0, GridKt._size(grid))
                .filter(i -> GridKt._get(grid, i).jobId() == job)
                .findFirst()
                .orElseThrow(() -> new AssertionError("job " + job + " is not among the recent failures"));
        var link = (Anchor) GridKt._getCellComponent(grid, row, "job");
        assertThat(link.getHref()).isEqualTo("jobs/" + job);
    }
}
