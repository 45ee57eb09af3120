package com.infraconsole.base.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretYamlTest {

    @Test
    void values_under_secret_looking_keys_are_masked_at_any_depth_and_the_rest_stays_as_typed() {
        var text = """
                version: "1.4"   # pinned
                db_password: hunter2
                API_KEY: k-123
                app:
                  name: shop
                  auth_token: t-456
                users:
                  - name: ann
                    passwd: p-789
                ansible_become_pass: b-000
                """;
        assertThat(SecretYaml.mask(text)).isEqualTo("""
                version: "1.4"   # pinned
                db_password: ***
                API_KEY: ***
                app:
                  name: shop
                  auth_token: ***
                users:
                  - name: ann
                    passwd: ***
                ansible_become_pass: ***
                """);
    }

    @Test
    void json_is_masked_in_place() {
        assertThat(SecretYaml.mask("{\"secret\": \"s3\", \"n\": 1, \"nested\": {\"Token\": \"abc\"}}"))
                .isEqualTo("{\"secret\": ***, \"n\": 1, \"nested\": {\"Token\": ***}}");
    }

    @Test
    void a_collection_under_a_secret_key_is_masked_whole_and_block_values_keep_the_next_line() {
        var text =
                "ssh_keys:\n  - ssh-ed25519 AAAA one\n  - ssh-ed25519 BBBB two\nsecret_block: |\n  line one\n  line two\nnext: 1\n";
        assertThat(SecretYaml.mask(text)).isEqualTo("ssh_keys:\n  ***\nsecret_block: ***\nnext: 1\n");
    }

    @Test
    void vaulted_values_show_as_encrypted_wherever_they_are() {
        var text =
                "password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  6162636465\nplain: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  6465\nx: 1\n";
        assertThat(SecretYaml.mask(text)).isEqualTo("password: !vault (encrypted)\nplain: !vault (encrypted)\nx: 1\n");
    }

    @Test
    void an_alias_under_a_secret_key_masks_the_anchored_value_it_points_to() {
        assertThat(SecretYaml.mask("base: &pw hunter2\npassword: *pw\n")).doesNotContain("hunter2");
        assertThat(SecretYaml.mask("password: &pw hunter2\nagain: *pw\n")).doesNotContain("hunter2");
    }

    @Test
    void characters_beyond_the_basic_plane_do_not_shift_the_mask() {
        assertThat(SecretYaml.mask("note: \"\uD83D\uDE80 go\"\ntoken: abc\n"))
                .isEqualTo("note: \"\uD83D\uDE80 go\"\ntoken: ***\n");
    }

    @Test
    void an_empty_secret_stays_empty_and_text_that_is_not_yaml_is_hidden_whole() {
        assertThat(SecretYaml.mask("password:\nx: 1\n")).isEqualTo("password:\nx: 1\n");
        assertThat(SecretYaml.mask("password: [unclosed")).isEqualTo(SecretYaml.UNREADABLE);
        assertThat(SecretYaml.mask(null)).isNull();
    }
}
