package com.infraconsole.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.security.Role;
import org.junit.jupiter.api.Test;

class ExtraVarsTest {

    @Test
    void nothing_a_yaml_mapping_and_a_json_object_are_accepted() {
        assertThat(ExtraVars.check(null, Role.OPERATOR)).isEmpty();
        assertThat(ExtraVars.check("  \n", Role.OPERATOR)).isEmpty();
        assertThat(ExtraVars.check("version: 1.2\nhosts:\n  - web-01\n", Role.OPERATOR))
                .isEmpty();
        assertThat(ExtraVars.check("{\"version\": \"1.2\", \"restart\": true}", Role.OPERATOR))
                .isEmpty();
    }

    @Test
    void a_list_or_a_scalar_is_refused() {
        assertThat(ExtraVars.check("- a\n- b\n", Role.OPERATOR)).isPresent();
        assertThat(ExtraVars.check("just text", Role.OPERATOR)).isPresent();
    }

    @Test
    void broken_yaml_names_its_line() {
        assertThat(ExtraVars.check("a: 1\nb: c: d\nc: 3\n", Role.OPERATOR))
                .get()
                .asString()
                .contains("line 2");
    }

    @Test
    void a_duplicate_key_is_refused() {
        assertThat(ExtraVars.check("a: 1\na: 2\n", Role.OPERATOR)).isPresent();
    }

    @Test
    void an_alias_bomb_is_refused_without_expanding_it() {
        var bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 0; i < 60; i++) {
            bomb.append("b").append(i).append(": &b").append(i).append(" [*a, *a, *a, *a]\n");
        }
        assertThat(ExtraVars.check(bomb.toString(), Role.OPERATOR)).isPresent();
    }
}
