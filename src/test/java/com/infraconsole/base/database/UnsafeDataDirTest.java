package com.infraconsole.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.Application;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A data directory under the temp directory would be wiped: the console refuses to start on it. */
@Tag("integration")
@ExtendWith(OutputCaptureExtension.class)
class UnsafeDataDirTest {

    static final Path UNDER_TMP = Path.of(System.getProperty("java.io.tmpdir"), "infra-console-data");

    @Test
    void the_console_refuses_a_data_directory_under_the_temp_directory_with_one_line(CapturedOutput output) {
        var app = new SpringApplication(Application.class);
        app.setRegisterShutdownHook(false);
        assertThatThrownBy(() -> app.run(
                        "--spring.profiles.active=test",
                        "--server.port=0",
                        "--infra.data-dir=" + UNDER_TMP,
                        "--infra.embedded-db.fresh=false"))
                .isInstanceOf(UnsafeDataDirException.class);

        var lines = output.getAll()
                .lines()
                .filter(l -> l.contains("is under the temp directory"))
                .toList();
        assertThat(lines)
                .singleElement()
                .asString()
                .contains("INFRA_DATA_DIR " + UNDER_TMP + " is under the temp directory")
                .contains("choose a directory outside");
        assertThat(output.getAll()).doesNotContain("\tat ");
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
