package com.infraconsole.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.Application;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The web console, started against a database it cannot reach, stops with one clear line. */
@Tag("integration")
@ExtendWith(OutputCaptureExtension.class)
class UnreachableDatabaseStartupTest {

    @Test
    void the_console_stops_with_one_line_naming_the_masked_url_and_no_stack_trace(CapturedOutput output) {
        var app = new SpringApplication(Application.class);
        app.setRegisterShutdownHook(false);
        assertThatThrownBy(() -> app.run(
                        "--spring.profiles.active=test",
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:mariadb://127.0.0.1:1/infra?password=hunter2-secret",
                        "--spring.datasource.username=ops"))
                .isInstanceOf(DatabaseUnreachableException.class);

        var lines = output.getAll()
                .lines()
                .filter(l -> l.contains("Cannot connect to database"))
                .toList();
        assertThat(lines)
                .singleElement()
                .asString()
                .contains("Cannot connect to database jdbc:mariadb://127.0.0.1:1/infra?password=**** as ops: ");
        assertThat(output.getAll()).doesNotContain("hunter2-secret").doesNotContain("\tat ");
    }

    @Test
    void the_old_platforms_db_variables_are_checked_the_same_way(CapturedOutput output) {
        var app = new SpringApplication(Application.class);
        app.setRegisterShutdownHook(false);
        assertThatThrownBy(() -> app.run(
                        "--spring.profiles.active=test",
                        "--server.port=0",
                        "--DB_HOST=127.0.0.1",
                        "--DB_PORT=1",
                        "--DB_NAME=infra_automation",
                        "--DB_KIND=mariadb",
                        "--DB_USER=infra_user",
                        "--DB_PASSWORD=secure_password"))
                .isInstanceOf(DatabaseUnreachableException.class);
        assertThat(output.getAll())
                .contains("Cannot connect to database jdbc:mariadb://127.0.0.1:1/infra_automation as infra_user: ")
                .doesNotContain("secure_password")
                .doesNotContain("\tat ");
    }
}
