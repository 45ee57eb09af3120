package com.infraconsole.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class UtcTimeTest {

    static final Instant AFTERNOON = Instant.parse("2026-11-25T14:44:14.987654Z");

    @Test
    void a_moment_is_written_in_utc_to_the_second_with_its_zone() {
        assertThat(UtcTime.format(AFTERNOON)).isEqualTo("2026-11-25 14:44:14 UTC");
        assertThat(UtcTime.inUtcColumn(AFTERNOON)).isEqualTo("2026-11-25 14:44:14");
        assertThat(UtcTime.fileStamp(AFTERNOON)).isEqualTo("20261125-144414");
    }

    @Test
    void no_time_is_written_as_nothing() {
        assertThat(UtcTime.format(null)).isEmpty();
        assertThat(UtcTime.inUtcColumn(null)).isEmpty();
    }

    @Test
    void the_jvm_zone_and_locale_change_nothing() {
        var zone = TimeZone.getDefault();
        var locale = Locale.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            Locale.setDefault(Locale.forLanguageTag("ar-EG"));
            assertThat(UtcTime.format(AFTERNOON)).isEqualTo("2026-11-25 14:44:14 UTC");
            assertThat(UtcTime.format(Instant.parse("2026-12-31T23:59:59Z"))).isEqualTo("2026-12-31 23:59:59 UTC");
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
    }
}
