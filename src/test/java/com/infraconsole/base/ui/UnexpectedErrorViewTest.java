package com.infraconsole.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.KaribuTest;
import com.infraconsole.security.Role;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import java.sql.SQLSyntaxErrorException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.BadSqlGrammarException;

class UnexpectedErrorViewTest extends KaribuTest {

    @Test
    void a_screen_failing_on_an_sql_error_shows_one_sentence_not_the_error_or_the_account() {
        signInAs(Role.ADMIN);
        var ui = UI.getCurrent();
        var sql = new SQLSyntaxErrorException(
                "SELECT command denied to user 'infra_least'@'localhost' for table "
                        + "`performance_schema`.`table_io_waits_summary_by_index_usage`",
                "42000",
                1142);
        var failure = new IllegalStateException(new BadSqlGrammarException("unused indexes", "SELECT ...", sql));
        var event = new BeforeEnterEvent(
                ui.getInternals().getRouter(),
                NavigationTrigger.PROGRAMMATIC,
                new Location("admin/database"),
                UnexpectedErrorView.class,
                ui,
                List.of());

        var view = new UnexpectedErrorView();
        int status = view.setErrorParameter(event, new ErrorParameter<>(Exception.class, failure));

        assertThat(status).isEqualTo(500);
        var text = view.getElement().getTextRecursively();
        assertThat(text).contains("could not be opened", "logged");
        assertThat(text).doesNotContain("denied", "infra_least", "performance_schema", "SELECT", "Exception");
    }
}
