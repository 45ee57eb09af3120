package com.infraconsole.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.infraconsole.Application;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** A data directory under the temp directory would be wiped: the console refuses to start on it. */
@Tag("integration")
class UnsafeDataDirTest {

    static final Path UNDER_TMP = Path.of(System.getProperty("java.io.tmpdir"), "infra-console-data");

    /**
     * What the operator reads is the failure analysis Spring Boot prints. It is checked through the
     * analyzers registered in spring.factories rather than in captured output: in a JVM whose first
     * test this is, Spring Boot's logging is not set up yet when the check refuses, and the captured
     * output then misses what a real start prints.
     */
    @Test
    void the_console_refuses_a_data_directory_under_the_temp_directory_with_one_line() {
        var app = new SpringApplication(Application.class);
        app.setRegisterShutdownHook(false);
        var refused = catchThrowable(() -> app.run(
                "--spring.profiles.active=test",
                "--server.port=0",
                "--infra.data-dir=" + UNDER_TMP,
                "--infra.embedded-db.fresh=false"));
        assertThat(refused).isInstanceOf(UnsafeDataDirException.class);

        // Analyzers that need the failed context's bean factory are skipped: ours needs nothing.
        var analyses = SpringFactoriesLoader.forDefaultResourceLocation(
                        getClass().getClassLoader())
                .load(
                        FailureAnalyzer.class,
                        SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> {}))
                .stream()
                .map(analyzer -> analyzer.analyze(refused))
                .filter(Objects::nonNull)
                .toList();
        assertThat(analyses).hasSize(1);
        assertThat(analyses.getFirst().getDescription())
                .doesNotContain("\n")
                .contains("INFRA_DATA_DIR " + UNDER_TMP + " is under the temp directory")
                .contains("choose a directory outside");
        assertThat(analyses.getFirst().getAction()).contains("INFRA_DATA_DIR");
    }

    @Test
    void plain_tmp_and_a_path_that_climbs_into_it_are_refused_too() {
        assertThatThrownBy(() -> DataDirCheck.refuseTemporary(Path.of("/tmp/console"), false))
                .isInstanceOf(UnsafeDataDirException.class);
        assertThatThrownBy(() -> DataDirCheck.refuseTemporary(Path.of("/var/../tmp/./x/data"), false))
                .isInstanceOf(UnsafeDataDirException.class);
    }

    @Test
    void a_fresh_throw_away_database_may_live_there_and_a_normal_directory_is_accepted() {
        assertThatCode(() -> DataDirCheck.refuseTemporary(UNDER_TMP, true)).doesNotThrowAnyException();
        assertThatCode(() -> DataDirCheck.refuseTemporary(Path.of("target/test-db"), false))
                .doesNotThrowAnyException();
        assertThatCode(() -> DataDirCheck.refuseTemporary(Path.of("/tmpfiles-are-not-tmp/data"), false))
                .doesNotThrowAnyException();
    }
}
