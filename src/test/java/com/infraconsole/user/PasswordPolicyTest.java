package com.infraconsole.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void a_long_uncommon_password_without_the_username_passes() {
        assertThat(PasswordPolicy.problemWith("Tall-Giraffe-Orbit-42", "alice")).isEmpty();
    }

    @Test
    void too_short_and_missing_are_refused_with_the_minimum() {
        assertThat(PasswordPolicy.problemWith("Short-1", "alice")).contains("Use at least 12 characters");
        assertThat(PasswordPolicy.problemWith(null, "alice")).contains("Use at least 12 characters");
    }

    @Test
    void more_than_72_bytes_is_refused_also_when_accents_make_fewer_characters_too_many() {
        assertThat(PasswordPolicy.problemWith("Tall-Giraffe-".repeat(6), "alice"))
                .get()
                .asString()
                .startsWith("Use at most 72 characters");
        var accented = "é".repeat(37); // 37 characters, 74 bytes
        assertThat(PasswordPolicy.problemWith(accented, "alice"))
                .get()
                .asString()
                .startsWith("Use at most 72");
    }

    @Test
    void the_username_in_any_case_is_refused() {
        assertThat(PasswordPolicy.problemWith("my-ALICE-password-2026", "alice"))
                .contains("The password must not contain the username");
    }

    @Test
    void a_common_password_or_one_of_fewer_than_four_distinct_characters_is_refused() {
        assertThat(PasswordPolicy.problemWith("aaaaaaaaaaaaaaaaaaaa", "alice"))
                .get()
                .asString()
                .contains("too common");
        assertThat(PasswordPolicy.problemWith("abcabcabcabcabc", "alice"))
                .get()
                .asString()
                .contains("too common");
        assertThat(PasswordPolicy.problemWith("1Q2W3E4R2026", "alice"))
                .get()
                .asString()
                .contains("too common");
    }
}
