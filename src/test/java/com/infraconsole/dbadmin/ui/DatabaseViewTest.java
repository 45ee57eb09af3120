package com.infraconsole.dbadmin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.infraconsole.KaribuTest;
import com.infraconsole.dbadmin.DbAdminModel.TableSize;
import com.infraconsole.dbadmin.LeastPrivilegedAccount;
import com.infraconsole.job.JobService;
import com.infraconsole.security.Role;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.tabs.TabSheet;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseViewTest extends KaribuTest {

    @Test
    void admin_sees_migrations_tables_with_a_chart_and_can_count_a_table_exactly() {
        signInAs(Role.ADMIN);
        UI.getCurrent().navigate("admin/database");
        var view = _get(DatabaseView.class);
        assertThat(_get(view, Div.class, s -> s.withId("migration-summary"))
                        .getElement()
                        .getTextRecursively())
                .contains("Current version", "0 pending", "validation OK");
        @SuppressWarnings("unchecked")
        Grid<?> history = _get(view, Grid.class, s -> s.withId("migration-history"));
        assertThat(GridKt._size(history)).isGreaterThanOrEqualTo(8);

        var tabs = _get(view, com.vaadin.flow.component.tabs.TabSheet.class);
        tabs.setSelectedIndex(2);
        @SuppressWarnings("unchecked")
        Grid<TableSize> sizes = _get(Grid.class, s -> s.withId("table-sizes"));
        int jobsRow = -1;
        for (int i = 0; i < GridKt._size(sizes); i++) {
            if (GridKt._get(sizes, i).table().equals("jobs")) {
                jobsRow = i;
            }
        }
        assertThat(jobsRow).isNotNegative();
        assertThat(GridKt._getFormattedRow(sizes, GridKt._get(sizes, jobsRow)).get(2))
                .startsWith("≈");
        var count = (Button) GridKt._getCellComponent(sizes, jobsRow, "exact");
        _click(count);
        assertThat(_get(Span.class, s -> s.withId("exact-count")).getText()).matches("jobs: exactly [\\d,]+ rows");
        assertThat(_find(Svg.class))
                .anySatisfy(svg -> assertThat(svg.getElement().getProperty("innerHTML"))
                        .contains("Largest tables by size", "jobs"));
    }

    @Test
    void admin_sees_unused_and_redundant_index_sections_and_foreign_keys() {
        signInAs(Role.ADMIN);
        UI.getCurrent().navigate("admin/database");
        var tabs = _get(com.vaadin.flow.component.tabs.TabSheet.class);
        tabs.setSelectedIndex(3);
        assertThat(_get(Div.class, s -> s.withId("unused-note")).getElement().getTextRecursively())
                .contains("since the server started");
        _get(Grid.class, s -> s.withId("unused-indexes"));
        _get(Grid.class, s -> s.withId("redundant-indexes"));
        tabs.setSelectedIndex(4);
        assertThat(GridKt._size(_get(Grid.class, s -> s.withId("foreign-keys"))))
                .isGreaterThanOrEqualTo(8);
    }

    @Test
    void with_an_account_limited_to_its_own_schema_every_tab_shows_and_says_which_grant_is_missing() {
        signInAs(Role.ADMIN);
        var service = LeastPrivilegedAccount.service(ctx);
        UI.getCurrent()
                .add(new DatabaseView(
                        service,
                        ctx.getBean(com.infraconsole.dbadmin.BackupService.class),
                        ctx.getBean(com.infraconsole.dbadmin.RollbackService.class),
                        ctx.getBean(JobService.class)));
        var view = _get(DatabaseView.class);
        var tabs = _get(view, TabSheet.class);
        var seen = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            tabs.setSelectedIndex(i);
            assertThat(_find(view, Div.class, s -> s.withId("tab-error")))
                    .as("tab %d", i)
                    .isEmpty();
            seen.append(view.getElement().getTextRecursively());
        }
        tabs.setSelectedIndex(0);
        assertThat(_get(view, Div.class, s -> s.withId("migration-summary"))
                        .getElement()
                        .getTextRecursively())
                .contains("validation OK");
        tabs.setSelectedIndex(3);
        assertThat(_get(view, Div.class, s -> s.withId("unused-note"))
                        .getElement()
                        .getTextRecursively())
                .contains("not allowed to read performance_schema");
        assertThat(_get(view, Pre.class, s -> s.withId("unused-grant")).getText())
                .isEqualTo("GRANT SELECT ON performance_schema.* TO 'infra_least'@'localhost';");
        assertThat(_get(view, Pre.class, s -> s.withId("redundant-grant")).getText())
                .isEqualTo("GRANT SELECT ON sys.* TO 'infra_least'@'localhost';");
        assertThat(seen.toString())
                .doesNotContainIgnoringCase("denied")
                .doesNotContain("SQLState", "command", "Exception");
        tabs.setSelectedIndex(4);
        assertThat(GridKt._size(_get(view, Grid.class, s -> s.withId("foreign-keys"))))
                .isGreaterThanOrEqualTo(8);
    }

    @Test
    void operator_and_auditor_are_denied_the_database_screen_and_do_not_see_it_in_the_menu() {
        for (var role : List.of(Role.OPERATOR, Role.AUDITOR)) {
            signInAs(role);
            UI.getCurrent().navigate("");
            assertThat(_find(SideNavItem.class))
                    .extracting(SideNavItem::getLabel)
                    .doesNotContain("Database");
            assertThatThrownBy(() -> UI.getCurrent().navigate("admin/database"))
                    .isInstanceOf(MockAccessDeniedException.class);
            tearDownVaadin();
        }
    }
}
