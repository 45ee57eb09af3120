package com.infraconsole.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The old platform's password hashes. Every vector below was written by werkzeug 3.1.8's
 * generate_password_hash (Python 3.11) for the password shown, with the method shown.
 */
class WerkzeugHashTest {

    private static final String PASSWORD = "Old-Platform-Pass1";

    /** generate_password_hash(PASSWORD): werkzeug 3's default method. */
    static final String SCRYPT_DEFAULT =
            "scrypt:32768:8:1$rRbx4kFWryV4GVQe$e77f9fe268200fcf96c393245823f08a0ffd24821442f2e1"
                    + "ae40f0eb4c7d080a796c57151162dd3d7946397c6e8eadc72e8ed038c270c723cab3041222f022f0";

    static final String SCRYPT_16384 =
            "scrypt:16384:8:1$RebO5oEckaqXG9oy$42b64ef4ccb74e4e88e8fbf835fae7aa3df47c11e4f588a"
                    + "deb69de87aaccc8b0da9f3180425235a0b5113f75aa6df950faaebcb4b8ac3f28a92a53c5d1392a4d";
    /** method="pbkdf2:sha256:600000": werkzeug 3.0's pbkdf2 default. */
    static final String PBKDF2_SHA256 =
            "pbkdf2:sha256:600000$l4nkI9bTc7SvwnSJ$776db65796d71d5f6a3bef3127ff6e6bce6e56519"
                    + "1308df2f9aec757db229a07";

    static final String PBKDF2_SHA256_1000 =
            "pbkdf2:sha256:1000$KhWHdlqiaCtVIzz6$bf93c4b090c9bfada3d51009cd8c9140e3c00a3" + "ea9134f3edd299e0db38c3d62";
    static final String PBKDF2_SHA512 =
            "pbkdf2:sha512:2000$AW10WcJNp0FgqH1a$6142afb616557fd92c0f1bb18b7209a1134db94191ec3"
                    + "6049024388677ed5e875bd24de0940a0838692825d091d9ab7b51327ae2c505b6338f1dbfef8b838f3e";
    static final String PBKDF2_SHA1 = "pbkdf2:sha1:1000$qBa8knnXOwrLdIY0$0d9984e2fff457a48059a55a6c6e79144e851c3b";
    /** generate_password_hash("pässwörd ünïcode", method="pbkdf2:sha256:1000"): the password is UTF-8. */
    static final String PBKDF2_UNICODE =
            "pbkdf2:sha256:1000$mtNShk6xKEGR7cVh$f35a533843a9eb9b255ff35eb956659a718440536389c" + "69db66d4e7136dd3212";

    @Test
    void werkzeug_scrypt_hashes_match_their_password_only() {
        assertThat(WerkzeugHash.matches(PASSWORD, SCRYPT_DEFAULT)).isTrue();
        assertThat(WerkzeugHash.matches(PASSWORD, SCRYPT_16384)).isTrue();
        assertThat(WerkzeugHash.matches("Old-Platform-Pass2", SCRYPT_16384)).isFalse();
        assertThat(WerkzeugHash.matches("", SCRYPT_16384)).isFalse();
    }

    @Test
    void werkzeug_pbkdf2_hashes_match_with_each_digest() {
        assertThat(WerkzeugHash.matches(PASSWORD, PBKDF2_SHA256)).isTrue();
        assertThat(WerkzeugHash.matches(PASSWORD, PBKDF2_SHA256_1000)).isTrue();
        assertThat(WerkzeugHash.matches(PASSWORD, PBKDF2_SHA512)).isTrue();
        assertThat(WerkzeugHash.matches(PASSWORD, PBKDF2_SHA1)).isTrue();
        assertThat(WerkzeugHash.matches("pässwörd ünïcode", PBKDF2_UNICODE)).isTrue();
        assertThat(WerkzeugHash.matches("passwörd ünïcode", PBKDF2_UNICODE)).isFalse();
        assertThat(WerkzeugHash.matches(PASSWORD.toLowerCase(), PBKDF2_SHA256_1000))
                .isFalse();
    }

    @Test
    void a_changed_salt_iteration_count_or_hash_does_not_match() {
        assertThat(WerkzeugHash.matches(PASSWORD, PBKDF2_SHA256_1000.replace("$KhWH", "$KhWX")))
                .isFalse();
        assertThat(WerkzeugHash.matches(PASSWORD, PBKDF2_SHA256_1000.replace(":1000$", ":1001$")))
                .isFalse();
        assertThat(WerkzeugHash.matches(PASSWORD, PBKDF2_SHA256_1000.replace("c3d62", "c3d63")))
                .isFalse();
        assertThat(WerkzeugHash.matches(PASSWORD, SCRYPT_16384.replace("scrypt:16384:8:1", "scrypt:16384:8:2")))
                .isFalse();
    }

    @Test
    void malformed_unsupported_and_absurd_hashes_are_refused_not_thrown() {
        assertThat(WerkzeugHash.matches(PASSWORD, "pbkdf2:sha256$KhWHdlqiaCtVIzz6$bf93"))
                .isFalse();
        assertThat(WerkzeugHash.matches(PASSWORD, "pbkdf2:md5:1000$salt$00")).isFalse();
        assertThat(WerkzeugHash.matches(PASSWORD, "pbkdf2:sha256:abc$salt$00")).isFalse();
        assertThat(WerkzeugHash.matches(PASSWORD, "pbkdf2:sha256:1000$salt$not-hex"))
                .isFalse();
        assertThat(WerkzeugHash.matches(PASSWORD, "pbkdf2:sha256:2000000000$salt$00"))
                .isFalse();
        assertThat(WerkzeugHash.matches(PASSWORD, "scrypt:1073741824:8:1$salt$00"))
                .isFalse();
        assertThat(WerkzeugHash.matches(PASSWORD, "scrypt:1000:8:1$salt$00")).isFalse();
        assertThat(WerkzeugHash.matches(PASSWORD, "sha256$salt$00")).isFalse();
        assertThat(WerkzeugHash.isWerkzeug("$2a$10$abcdefghijklmnopqrstuu")).isFalse();
    }

    @Test
    void the_account_encoder_writes_bcrypt_reads_both_and_upgrades_only_werkzeug_hashes() {
        var encoder = new AccountPasswordEncoder(new BCryptPasswordEncoder(10));
        var bcrypt = encoder.encode(PASSWORD);

        assertThat(bcrypt).startsWith("$2a$10$");
        assertThat(encoder.matches(PASSWORD, bcrypt)).isTrue();
        assertThat(encoder.matches(PASSWORD, SCRYPT_16384)).isTrue();
        assertThat(encoder.matches("wrong", SCRYPT_16384)).isFalse();
        assertThat(encoder.upgradeEncoding(SCRYPT_16384)).isTrue();
        assertThat(encoder.upgradeEncoding(PBKDF2_SHA256)).isTrue();
        assertThat(encoder.upgradeEncoding(bcrypt)).isFalse();
        assertThat(encoder.upgradeEncoding(new BCryptPasswordEncoder(4).encode(PASSWORD)))
                .isFalse();
    }
}
