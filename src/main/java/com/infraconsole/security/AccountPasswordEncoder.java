package com.infraconsole.security;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt for every password the console sets, and the old platform's werkzeug hashes
 * (pbkdf2, scrypt) accepted at login until {@link #upgradeEncoding} has them rehashed to bcrypt.
 * Not a DelegatingPasswordEncoder: that one expects an {@code {id}} prefix and would write it into
 * every new hash, while werkzeug hashes name their method without braces and existing bcrypt
 * hashes have no prefix at all.
 */
final class AccountPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder bcrypt;

    AccountPasswordEncoder(PasswordEncoder bcrypt) {
        this.bcrypt = bcrypt;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return bcrypt.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (WerkzeugHash.isWerkzeug(encodedPassword)) {
            return WerkzeugHash.matches(rawPassword, encodedPassword);
        }
        return bcrypt.matches(rawPassword, encodedPassword);
    }

    /** Only the old platform's hashes: bcrypt hashes of another cost stay as they are. */
    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return WerkzeugHash.isWerkzeug(encodedPassword);
    }
}
