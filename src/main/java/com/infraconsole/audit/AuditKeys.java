package com.infraconsole.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The audit chain's HMAC keys, which the database never sees. Either INFRA_AUDIT_KEY (base64; a
 * comma-separated list, current key first, older ones kept to verify older rows) or a key file of
 * base64 keys, one a line, the last one current, created 0600 at first start. A key's id is a
 * fingerprint of the key (an HMAC of a fixed label), so nodes sharing a key agree on its id and the
 * id reveals nothing of the key. The file is re-read when it changes, so a rotation by the command
 * line reaches a running console at its next audit row.
 */
@Component
class AuditKeys {

    private static final Logger log = LoggerFactory.getLogger(AuditKeys.class);
    private static final String FILE_HEADER =
            "# Infra Console audit chain keys (base64, the last line is current). Keep secret; never delete a line.\n";

    /** A key and its id. The secret never appears in toString. */
    record Key(String id, byte[] secret) {
        @Override
        public String toString() {
            return "Key[" + id + "]";
        }
    }

    private final List<Key> fromEnvironment;
    private final Path file;
    private volatile Map<String, Key> fileKeys = Map.of();
    private volatile Key fileCurrent;
    private volatile FileTime loadedVersion;

    AuditKeys(
            @Value("${infra.audit.key:}") String environmentKeys,
            @Value("${infra.audit.key-file:}") String keyFile,
            @Value("${infra.data-dir:./data}") String dataDir) {
        this.fromEnvironment = parse(environmentKeys);
        this.file = (keyFile.isBlank() ? Path.of(dataDir).resolve("audit-keys") : Path.of(keyFile)).toAbsolutePath();
        if (fromEnvironment.isEmpty()) {
            createIfMissing();
        }
        reloadIfChanged();
        log.info(
                "Audit chain keyed with key {} ({})",
                current().id(),
                fromEnvironment.isEmpty() ? "key file " + file : "INFRA_AUDIT_KEY");
    }

    Path file() {
        return file;
    }

    boolean fromEnvironment() {
        return !fromEnvironment.isEmpty();
    }

    /** The key new rows are signed with. */
    Key current() {
        if (!fromEnvironment.isEmpty()) {
            return fromEnvironment.get(0);
        }
        reloadIfChanged();
        return fileCurrent;
    }

    Optional<Key> byId(String id) {
        for (var k : fromEnvironment) {
            if (k.id().equals(id)) {
                return Optional.of(k);
            }
        }
        var k = fileKeys.get(id);
        if (k == null) {
            reloadIfChanged();
            k = fileKeys.get(id);
        }
        return Optional.ofNullable(k);
    }

    /**
     * Adds a fresh key to the key file and makes it current; the old keys stay to verify older rows.
     * The file is replaced atomically by a copy created 0600.
     */
    synchronized Key rotate() {
        if (!fromEnvironment.isEmpty()) {
            throw new IllegalStateException("The audit key comes from INFRA_AUDIT_KEY: rotate by putting a new key "
                    + "first in INFRA_AUDIT_KEY and keeping the old ones after it, then restart");
        }
        try {
            var lines = Files.readString(file, StandardCharsets.US_ASCII);
            var fresh = Base64.getEncoder().encodeToString(newSecret());
            writeAtomically((lines.endsWith("\n") ? lines : lines + "\n") + fresh + "\n", true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rotate the audit key in " + file, e);
        }
        loadedVersion = null;
        return current();
    }

    static String idOf(byte[] secret) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            var fp = mac.doFinal("infra-console audit key id".getBytes(StandardCharsets.US_ASCII));
            return "k" + HexFormat.of().formatHex(fp, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void createIfMissing() {
        if (Files.exists(file)) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            writeAtomically(FILE_HEADER + Base64.getEncoder().encodeToString(newSecret()) + "\n", false);
            log.info("Created the audit chain key file {} (mode 0600); back it up with the database", file);
        } catch (FileAlreadyExistsException e) {
            // another process created it a moment ago
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the audit key file " + file, e);
        }
    }

    /**
     * A temporary file born 0600 in the same directory, then put in place in one step: moved over
     * the old file, or for a new file linked, which fails instead of replacing a key that another
     * node created a moment ago.
     */
    private void writeAtomically(String content, boolean replace) throws IOException {
        var tmp = Files.createTempFile(
                file.getParent(),
                ".audit-keys",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII)));
                ch.force(true);
            }
            if (replace) {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.createLink(file, tmp);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private synchronized void reloadIfChanged() {
        if (!Files.exists(file)) {
            if (fromEnvironment.isEmpty()) {
                throw new IllegalStateException("The audit key file " + file + " is missing");
            }
            return;
        }
        try {
            var version = Files.getLastModifiedTime(file);
            if (version.equals(loadedVersion)) {
                return;
            }
            var keys = parse(String.join(
                    ",",
                    Files.readAllLines(file, StandardCharsets.US_ASCII).stream()
                            .map(String::strip)
                            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                            .toList()));
            if (keys.isEmpty() && fromEnvironment.isEmpty()) {
                throw new IllegalStateException("The audit key file " + file + " holds no key");
            }
            var byId = new LinkedHashMap<String, Key>();
            keys.forEach(k -> byId.put(k.id(), k));
            fileKeys = byId;
            fileCurrent = keys.isEmpty() ? null : keys.get(keys.size() - 1);
            loadedVersion = version;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit key file " + file, e);
        }
    }

    private static List<Key> parse(String base64List) {
        var keys = new ArrayList<Key>();
        for (var part : base64List.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            byte[] secret;
            try {
                secret = Base64.getDecoder().decode(part.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("An audit key is not valid base64"); // never echo the key
            }
            if (secret.length < 32) {
                throw new IllegalStateException("An audit key is shorter than 32 bytes (256 bits)");
            }
            keys.add(new Key(idOf(secret), secret));
        }
        return keys;
    }

    private static byte[] newSecret() {
        var secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
