package com.infraconsole.dbadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DbAdminTextTest {

    @Test
    void a_duration_shows_its_two_largest_units() {
        assertThat(DbAdminText.duration(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(DbAdminText.duration(Duration.ofSeconds(125))).isEqualTo("2 min 5 s");
        assertThat(DbAdminText.duration(Duration.ofMinutes(61))).isEqualTo("1 h 1 min");
        assertThat(DbAdminText.duration(Duration.ofHours(49).plusMinutes(30))).isEqualTo("2 d 1 h");
    }

    @Test
    void sizes_use_binary_units_and_a_dot_in_every_locale() {
        assertThat(DbAdminText.bytes(1023)).isEqualTo("1023 B");
        assertThat(DbAdminText.bytes(1536)).isEqualTo("1.5 KB");
        assertThat(DbAdminText.bytes(5L * 1024 * 1024)).isEqualTo("5.0 MB");
        assertThat(DbAdminText.bytes(3L * 1024 * 1024 * 1024 / 2)).isEqualTo("1.50 GB");
    }
}
