package com.infraconsole.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed checkpoints of the chain head outside the database: one JSON line per checkpoint
 * ({@code seq, hash, at, key, mac}), appended to a file opened in append mode, and optionally
 * logged on the logger {@code infra.audit.checkpoint}, which operations route to syslog. The mac is
 * an HMAC with the audit key, so a line cannot be forged without the key. Verification checks the
 * chain against them: a checkpointed row that changed or went, or a chain ending before the last
 * checkpoint, is reported. Kept on WORM storage (docs/audit.md), they also catch someone who holds
 * the key and rewrites the database.
 */
@Component
class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);
    /** Operations route this logger to syslog or another remote, append-only sink. */
    static final Logger SINK = LoggerFactory.getLogger("infra.audit.checkpoint");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Checkpoint(long seq, String hash, Instant at, String keyId) {}

    /** The checkpoints whose signature holds, and what was wrong with the other lines. */
    record Read(List<Checkpoint> valid, List<String> problems) {}

    private final JdbcTemplate jdbc;
    private final AuditKeys keys;
    private final Clock clock;
    private final Path file;
    private final boolean toLog;
    private volatile Checkpoint lastWritten;

    AuditCheckpoints(
            JdbcTemplate jdbc,
            AuditKeys keys,
            Clock clock,
            @Value("${infra.audit.checkpoint-file:}") String checkpointFile,
            @Value("${infra.data-dir:./data}") String dataDir,
            @Value("${infra.audit.checkpoint-log:false}") boolean toLog) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
        this.file = (checkpointFile.isBlank()
                        ? Path.of(dataDir).resolve("audit-checkpoints.jsonl")
                        : Path.of(checkpointFile))
                .toAbsolutePath();
        this.toLog = toLog;
    }

    Path file() {
        return file;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${infra.audit.checkpoint-interval:PT5M}")
    void scheduled() {
        try {
            var head = head(ChainTables.DEFAULT);
            var last = lastWritten;
            if (last == null || last.seq() != head.seq() || !last.hash().equals(head.hash())) {
                write(ChainTables.DEFAULT, file);
            }
        } catch (RuntimeException e) {
            log.warn("Audit checkpoint not written: {}", e.getMessage());
        }
    }

    /** Appends a checkpoint of the live chain's head now. */
    Checkpoint write() {
        return write(ChainTables.DEFAULT, file);
    }

    Checkpoint write(ChainTables t, Path to) {
        var head = head(t);
        var key = keys.current();
        var c = new Checkpoint(head.seq(), head.hash(), clock.instant(), key.id());
        var line = new LinkedHashMap<String, Object>();
        line.put("seq", c.seq());
        line.put("hash", c.hash());
        line.put("at", c.at().toString());
        line.put("key", c.keyId());
        line.put("mac", ChainHasher.mac(key, signed(c)));
        var text = JSON.writeValueAsString(line);
        append(to, text + "\n");
        if (toLog) {
            SINK.info(text);
        }
        if (to.equals(file)) {
            lastWritten = c;
        }
        return c;
    }

    /** The live chain's checkpoint file. */
    Read read() {
        return read(file);
    }

    Read read(Path from) {
        var valid = new ArrayList<Checkpoint>();
        var problems = new ArrayList<String>();
        if (!Files.exists(from)) {
            return new Read(valid, problems);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit checkpoints " + from, e);
        }
        for (int i = 0; i < lines.size(); i++) {
            var text = lines.get(i).strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                var n = JSON.readTree(text);
                var c = new Checkpoint(
                        n.get("seq").asLong(),
                        n.get("hash").asString(),
                        Instant.parse(n.get("at").asString()),
                        n.get("key").asString());
                var key = keys.byId(c.keyId());
                if (key.isEmpty()) {
                    problems.add("line " + (i + 1) + ": signed with audit key " + c.keyId()
                            + ", which this console does not hold");
                } else if (!ChainHasher.mac(key.get(), signed(c))
                        .equals(n.get("mac").asString())) {
                    problems.add("line " + (i + 1) + ": its signature does not match (forged or altered)");
                } else {
                    valid.add(c);
                }
            } catch (RuntimeException e) {
                problems.add("line " + (i + 1) + ": not a checkpoint");
            }
        }
        return new Read(valid, problems);
    }

    private Checkpoint head(ChainTables t) {
        return jdbc.queryForObject(
                "SELECT last_seq, last_hash FROM " + t.head() + " WHERE id = 1",
                (rs, i) -> new Checkpoint(rs.getLong(1), rs.getString(2), null, null));
    }

    private static String signed(Checkpoint c) {
        return "infra-console audit checkpoint\n" + c.seq() + "\n" + c.hash() + "\n" + c.at() + "\n" + c.keyId();
    }

    /** One write per line on a channel opened in append mode, so concurrent writers never interleave inside a line. */
    private static synchronized void append(Path to, String line) {
        try {
            if (to.getParent() != null) {
                Files.createDirectories(to.getParent());
            }
            try (var ch = FileChannel.open(
                    to,
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")))) {
                ch.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
                ch.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to the audit checkpoints " + to, e);
        }
    }
}
