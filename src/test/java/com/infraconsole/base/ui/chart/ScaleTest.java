package com.infraconsole.base.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScaleTest {

    @Test
    void a_nice_axis_covers_the_data_with_four_or_five_steps_of_one_two_or_five() {
        assertThat(Scale.of(37)).isEqualTo(new Scale(40, 10));
        assertThat(Scale.of(180)).isEqualTo(new Scale(200, 50));
        assertThat(Scale.of(0.9)).isEqualTo(new Scale(1, 0.5));
    }

    @Test
    void counts_get_whole_number_ticks_only() {
        assertThat(Scale.ofCount(0)).isEqualTo(new Scale(4, 1));
        assertThat(Scale.ofCount(1)).isEqualTo(new Scale(1, 1));
        assertThat(Scale.ofCount(3)).isEqualTo(new Scale(3, 1));
        assertThat(Scale.ofCount(37)).isEqualTo(new Scale(40, 10));
        for (int max = 0; max <= 500; max++) {
            var scale = Scale.ofCount(max);
            assertThat(scale.step() % 1).as("step for %d", max).isZero();
            assertThat(scale.max()).as("max for %d", max).isGreaterThanOrEqualTo(max);
        }
    }
}
