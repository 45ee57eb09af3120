package com.infraconsole.notification;

import com.infraconsole.base.Aes256Gcm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the secrets that hooks and notification channels must be able to read back (an HMAC
 * key cannot be stored hashed): AES-256-GCM under a key the database never sees, either
 * INFRA_NOTIFY_KEY (base64, 32 bytes) or a key file in the data directory created 0600 at first
 * start. The job sandbox binds only its own workspace, so no playbook can read the file. Every
 * node must share the key, as they share the audit key.
 */
@Component
class NotificationSecrets {

    private static final Logger log = LoggerFactory.getLogger(NotificationSecrets.class);
    private static final String PREFIX = "v1:";
    private static final byte[] ASSOCIATED = "infra-console notification/v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] key;

    NotificationSecrets(
            @Value("${infra.notify.key:}") String environmentKey, @Value("${infra.data-dir:./data}") String dataDir) {
        byte[] raw;
        if (!environmentKey.isBlank()) {
            raw = decode(environmentKey.strip());
        } else {
            var file = Path.of(dataDir).resolve("notification-key").toAbsolutePath();
            createIfMissing(file);
            try {
                raw = decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the notification key file " + file, e);
            }
        }
        this.key = raw;
    }

    String encrypt(String plain) {
        return PREFIX + Aes256Gcm.seal(key, ASSOCIATED, plain);
    }

    String decrypt(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalStateException("A stored secret is not in a known format");
        }
        try {
            return Aes256Gcm.open(key, ASSOCIATED, stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            // Never echo the value; a wrong key (nodes not sharing it) is the usual cause.
            throw new IllegalStateException("A stored secret cannot be decrypted with this node's notification key");
        }
    }

    /** A fresh random secret for people to copy: 32 bytes as hex. */
    static String newSecret() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static byte[] decode(String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The notification key is not valid base64"); // never echo the key
        }
        if (raw.length != 32) {
            throw new IllegalStateException("The notification key must be 32 bytes (256 bits)");
        }
        return raw;
    }

    private static void createIfMissing(Path file) {
        if (Files.exists(file)) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            var tmp = Files.createTempFile(
                    file.getParent(),
                    ".notification-key",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                var raw = new byte[32];
                RANDOM.nextBytes(raw);
                Files.writeString(tmp, Base64.getEncoder().encodeToString(raw) + "\n", StandardCharsets.US_ASCII);
                Files.createLink(file, tmp); // fails rather than replace a key another node just made
            } finally {
                Files.deleteIfExists(tmp);
            }
            log.info("Created the notification key file {} (mode 0600); back it up with the database", file);
        } catch (FileAlreadyExistsException e) {
            // another process created it a moment ago
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the notification key file " + file, e);
        }
    }
}
