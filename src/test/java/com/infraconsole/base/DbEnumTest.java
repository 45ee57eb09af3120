package com.infraconsole.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class DbEnumTest {

    enum RunState implements DbEnum {
        IN_PROGRESS,
        TIMED_OUT,
        IDLE
    }

    static class RunStateConverter extends DbEnumConverter<RunState> {
        RunStateConverter() {
            super(RunState.class);
        }
    }

    private final RunStateConverter converter = new RunStateConverter();

    @Test
    void values_are_stored_lower_case_and_read_back() {
        assertThat(RunState.IN_PROGRESS.dbValue()).isEqualTo("in_progress");
        for (var state : RunState.values()) {
            assertThat(converter.convertToEntityAttribute(converter.convertToDatabaseColumn(state)))
                    .isEqualTo(state);
            assertThat(converter.convertToDatabaseColumn(state)).isEqualTo(state.dbValue());
        }
    }

    @Test
    void null_stays_null_both_ways() {
        assertThat(converter.convertToDatabaseColumn(null)).isNull();
        assertThat(converter.convertToEntityAttribute(null)).isNull();
    }

    @Test
    void an_unknown_or_upper_case_value_is_refused_naming_the_type() {
        assertThatThrownBy(() -> converter.convertToEntityAttribute("IDLE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown run state IDLE");
        assertThatThrownBy(() -> DbEnum.fromDbValue(RunState.class, "paused")).hasMessage("Unknown run state paused");
    }

    @Test
    void a_turkish_default_locale_does_not_change_the_stored_value() {
        var before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(RunState.IDLE.dbValue()).isEqualTo("idle");
            assertThat(converter.convertToEntityAttribute("idle")).isEqualTo(RunState.IDLE);
        } finally {
            Locale.setDefault(before);
        }
    }
}
