package com.infraconsole.credential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
 * The AES-256 master keys that seal credentials; the database never holds one. Either
 * INFRA_MASTER_KEY (base64 of 32 bytes; a comma-separated list puts the current key first and
 * keeps older ones readable until a rotation re-seals everything) or a key file of base64 keys,
 * one a line, the last one current, created 0600 at first start in the data directory, which the
 * job sandbox does not show. A key's id is an HMAC fingerprint, so nodes sharing a key agree on it
 * and it reveals nothing. The file is re-read when it changes: a rotation by the command line
 * reaches a running console at its next unseal.
 */
@Component
class MasterKeys {

    private static final Logger log = LoggerFactory.getLogger(MasterKeys.class);
    private static final String HEADER = "# Infra Console credential master keys (base64, the last line is current)."
            + " Keep secret; back it up apart from the database.\n";

    /** A key and its id; the key never appears in toString. */
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

    MasterKeys(
            @Value("${infra.credentials.master-key:}") String environmentKeys,
            @Value("${infra.credentials.master-key-file:}") String keyFile,
            @Value("${infra.data-dir:./data}") String dataDir) {
        this.fromEnvironment = parse(environmentKeys);
        this.file = (keyFile.isBlank() ? Path.of(dataDir).resolve("master-key") : Path.of(keyFile)).toAbsolutePath();
        if (fromEnvironment.isEmpty()) {
            createIfMissing();
            reload();
        }
        log.info(
                "Credentials sealed with master key {} ({})",
                current().id(),
                fromEnvironment.isEmpty() ? "key file " + file : "INFRA_MASTER_KEY");
    }

    Path file() {
        return file;
    }

    boolean fromEnvironment() {
        return !fromEnvironment.isEmpty();
    }

    Key current() {
        if (!fromEnvironment.isEmpty()) {
            return fromEnvironment.get(0);
        }
        reload();
        return fileCurrent;
    }

    Optional<Key> byId(String id) {
        for (var k : fromEnvironment) {
            if (k.id().equals(id)) {
                return Optional.of(k);
            }
        }
        if (fromEnvironment.isEmpty()) {
            reload();
        }
        return Optional.ofNullable(fileKeys.get(id));
    }

    /** Appends a fresh key to the key file and makes it current; older keys stay until nothing uses them. */
    synchronized Key addFresh() {
        if (!fromEnvironment.isEmpty()) {
            return current(); // the operator put the new key first in INFRA_MASTER_KEY
        }
        try {
            var lines = Files.readString(file, StandardCharsets.US_ASCII);
            write(
                    (lines.endsWith("\n") ? lines : lines + "\n")
                            + Base64.getEncoder().encodeToString(fresh()) + "\n",
                    true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot add a master key to " + file, e);
        }
        loadedVersion = null;
        return current();
    }

    static String idOf(byte[] secret) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            var fp = mac.doFinal("infra-console credential master key id".getBytes(StandardCharsets.US_ASCII));
            return "m" + HexFormat.of().formatHex(fp, 0, 8);
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
            write(HEADER + Base64.getEncoder().encodeToString(fresh()) + "\n", false);
            log.info("Created the credential master key file {} (mode 0600); back it up apart from the database", file);
        } catch (FileAlreadyExistsException e) {
            // another node or process created it a moment ago
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the master key file " + file, e);
        }
    }

    /** Born 0600 next to the file, then moved over it, or linked so that a key created meanwhile is never replaced. */
    private void write(String content, boolean replace) throws IOException {
        var tmp = Files.createTempFile(
                file.getParent(),
                ".master-key",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (var ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII)));
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

    private synchronized void reload() {
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
            if (keys.isEmpty()) {
                throw new IllegalStateException("The master key file " + file + " holds no key");
            }
            var byId = new LinkedHashMap<String, Key>();
            keys.forEach(k -> byId.put(k.id(), k));
            fileKeys = byId;
            fileCurrent = keys.get(keys.size() - 1);
            loadedVersion = version;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the master key file " + file, e);
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
                throw new IllegalStateException("A master key is not valid base64"); // never echo the key
            }
            if (secret.length != 32) {
                throw new IllegalStateException("A master key must be 32 bytes (AES-256), base64-encoded");
            }
            keys.add(new Key(idOf(secret), secret));
        }
        return keys;
    }

    private static byte[] fresh() {
        var secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
