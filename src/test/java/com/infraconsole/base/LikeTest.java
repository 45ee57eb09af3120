package com.infraconsole.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LikeTest {

    @Test
    void wildcards_and_the_escape_character_are_matched_literally() {
        assertThat(Like.containing("50%")).isEqualTo("%50!%%");
        assertThat(Like.containing("web_01")).isEqualTo("%web!_01%");
        assertThat(Like.containing("wow!")).isEqualTo("%wow!!%");
        assertThat(Like.containing("C:\\temp")).isEqualTo("%C:\\temp%");
    }

    @Test
    void text_is_stripped_and_nothing_matches_everything() {
        assertThat(Like.containing("  db-01 ")).isEqualTo("%db-01%");
        assertThat(Like.containing(null)).isEqualTo("%%");
        assertThat(Like.containing("")).isEqualTo("%%");
    }
}
