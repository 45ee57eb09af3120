package com.infraconsole.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.Fuzz;
import com.infraconsole.security.Role;
import org.junit.jupiter.api.Test;

/** Extra vars parsing on hostile text: it answers with a message or accepts, and never throws. */
class ExtraVarsFuzzTest {

    private static final String YAML = """
            version: "1.2"
            hosts_list: [a, b]
            nested: {key: value, list: [1, 2.5, true, null]}
            text: |
              multi line
            anchor: &a {x: 1}
            alias: *a
            """;
    private static final String JSON = "{\"version\": \"1.2\", \"n\": [1, {\"k\": \"v\\u00e9\"}], \"b\": false}";

    @Test
    void hostile_extra_vars_get_a_message_or_pass_and_never_throw() {
        var fuzz = Fuzz.forTest("extra-vars");
        for (int i = 0; i < 3000; i++) {
            var text = switch (i % 3) {
                case 0 -> fuzz.string(300);
                case 1 -> fuzz.mutate(YAML);
                default -> fuzz.mutate(JSON);
            };
            fuzz.tried();
            var message = ExtraVars.check(text, fuzz.oneOf(Role.ADMIN, Role.OPERATOR));
            message.ifPresent(m -> assertThat(m).isNotBlank());
        }
        // Deep nesting and alias bombs end in a message, not a stack overflow or an endless load.
        for (var text : new String[] {
            "a: " + "[".repeat(50_000),
            "a: " + "{b: ".repeat(20_000),
            "a: &a [x]\n" + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n".repeat(60),
            "k: " + "v".repeat(70_000)
        }) {
            fuzz.tried();
            assertThat(ExtraVars.check(text, Role.OPERATOR)).isPresent();
        }
        System.out.println("[fuzz] extra vars cases tried: " + fuzz.cases());
    }
}
