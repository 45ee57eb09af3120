package com.infraconsole.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class Aes256GcmTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HERE = "credential/k1/secret".getBytes(StandardCharsets.US_ASCII);

    @Test
    void a_sealed_value_opens_with_the_same_key_and_place_and_never_shows_the_plaintext() {
        var sealed = Aes256Gcm.seal(KEY, HERE, "hunter2 ünïcode");

        assertThat(sealed).doesNotContain("hunter2");
        assertThat(Aes256Gcm.open(KEY, HERE, sealed)).isEqualTo("hunter2 ünïcode");
        assertThat(Aes256Gcm.seal(KEY, HERE, "hunter2 ünïcode"))
                .as("a fresh nonce each time")
                .isNotEqualTo(sealed);
    }

    @Test
    void another_key_another_place_an_altered_byte_or_garbage_do_not_open() {
        var sealed = Aes256Gcm.seal(KEY, HERE, "secret");
        var otherKey = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        var bytes = Base64.getDecoder().decode(sealed);
        bytes[bytes.length - 1] ^= 1;
        var altered = Base64.getEncoder().encodeToString(bytes);

        for (var attempt : new Runnable[] {
            () -> Aes256Gcm.open(otherKey, HERE, sealed),
            () -> Aes256Gcm.open(KEY, "credential/k1/passphrase".getBytes(StandardCharsets.US_ASCII), sealed),
            () -> Aes256Gcm.open(KEY, HERE, altered),
            () -> Aes256Gcm.open(KEY, HERE, "not base64!"),
            () -> Aes256Gcm.open(KEY, HERE, "AAAA")
        }) {
            assertThatThrownBy(attempt::run)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("The sealed value does not open with this key");
        }
    }
}
