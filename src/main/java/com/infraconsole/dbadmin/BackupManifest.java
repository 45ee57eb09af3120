package com.infraconsole.dbadmin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a backup holds, written next to it as {@code <name>.manifest.json}: the gzipped dump's
 * SHA-256 and size, the schema and server versions, when and why it was taken, and the rows the
 * dump holds per table.
 *
 * @param reason manual, pre-restore or pre-migrate
 * @param precedesVersion of a pre-migrate backup: the first version the migration went on to
 *     apply, the one "roll back to before V…" names; null for other backups
 */
public record BackupManifest(
        String format,
        String file,
        String sha256,
        long bytes,
        String database,
        String schemaVersion,
        String serverVersion,
        String createdAt,
        String createdBy,
        String reason,
        String dumpTool,
        Map<String, Long> tables,
        String precedesVersion) {

    static final String FORMAT = "infra-console-backup/1";
    static final String DUMP_SUFFIX = ".sql.gz";
    static final String MANIFEST_SUFFIX = ".manifest.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public long totalRows() {
        return tables.values().stream().mapToLong(Long::longValue).sum();
    }

    void write(Path manifestFile) {
        try {
            Files.writeString(
                    manifestFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BackupManifest read(Path manifestFile) {
        try {
            var manifest = JSON.readValue(Files.readString(manifestFile), BackupManifest.class);
            if (!FORMAT.equals(manifest.format()) || manifest.sha256() == null || manifest.tables() == null) {
                throw new IllegalArgumentException(manifestFile + " is not an Infra Console backup manifest");
            }
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    manifestFile + " is not a readable backup manifest: " + e.getOriginalMessage());
        }
    }

    /** The manifest that belongs to a dump, or the dump that belongs to a manifest: either may be given. */
    static Path manifestOf(Path file) {
        var name = file.getFileName().toString();
        if (name.endsWith(MANIFEST_SUFFIX)) {
            return file;
        }
        var base = name.endsWith(DUMP_SUFFIX) ? name.substring(0, name.length() - DUMP_SUFFIX.length()) : name;
        return file.resolveSibling(base + MANIFEST_SUFFIX);
    }

    static Path dumpOf(Path file) {
        var name = file.getFileName().toString();
        if (!name.endsWith(MANIFEST_SUFFIX)) {
            return file;
        }
        return file.resolveSibling(name.substring(0, name.length() - MANIFEST_SUFFIX.length()) + DUMP_SUFFIX);
    }

    static String sha256(Path file) {
        try (var in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
