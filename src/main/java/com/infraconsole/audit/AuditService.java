package com.infraconsole.audit;

import com.infraconsole.base.DownloadSlots;
import com.infraconsole.base.TooManyDownloadsException;
import com.infraconsole.base.audit.AuditEvent;
import com.infraconsole.security.AdminOrAuditor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading, exporting and verifying the audit trail: auditors and admins only. */
@Service
@AdminOrAuditor
public class AuditService {

    private static final int EXPORT_BATCH = 2_000;

    private final JdbcTemplate jdbc;
    private final ChainVerifier verifier;
    private final AuditCheckpoints checkpoints;
    private final ApplicationEventPublisher events;
    private final DownloadSlots downloads;
    private final Clock clock;

    AuditService(
            JdbcTemplate jdbc,
            ChainVerifier verifier,
            AuditCheckpoints checkpoints,
            ApplicationEventPublisher events,
            DownloadSlots downloads,
            Clock clock) {
        this.jdbc = jdbc;
        this.verifier = verifier;
        this.checkpoints = checkpoints;
        this.events = events;
        this.downloads = downloads;
        this.clock = clock;
    }

    /**
     * One page, newest first. With {@code beforeSeq} (the last seq of the previous page) it is a
     * keyset read that costs the same on page 1 and page 10,000; otherwise {@code offset} is used.
     */
    @Transactional(readOnly = true)
    public List<AuditRow> list(AuditFilter filter, Long beforeSeq, int offset, int limit) {
        var sql = new StringBuilder("SELECT " + AuditRows.COLUMNS + " FROM audit_logs WHERE 1 = 1");
        var args = new ArrayList<Object>();
        if (!appendTimeRange(filter, sql, args)) {
            return List.of();
        }
        filter.appendTo(sql, args);
        if (beforeSeq != null) {
            sql.append(" AND seq < ?");
            args.add(beforeSeq);
        }
        sql.append(" ORDER BY seq DESC LIMIT ?");
        args.add(limit);
        if (beforeSeq == null && offset > 0) {
            sql.append(" OFFSET ?");
            args.add(offset);
        }
        return jdbc.query(sql.toString(), AuditRows::map, args.toArray());
    }

    /**
     * Writes the filtered rows as CSV, batch by batch, and records the export itself. No transaction
     * spans the export: each batch is a short read of its own, so a slow download holds nothing that
     * retention's DDL or writers would wait behind, and no connection is held while the client reads.
     * It runs in one of the node's download slots.
     *
     * @throws TooManyDownloadsException when every download slot is taken (audited as a FAILURE)
     */
    public long exportCsv(AuditFilter filter, Writer out) {
        long rows = 0;
        boolean complete = false;
        String refused = null;
        try (var slot = downloads.acquire()) {
            out.write(AuditCsv.HEADER);
            Long before = null;
            while (true) {
                var page = list(filter, before, 0, EXPORT_BATCH);
                for (var r : page) {
                    out.write(AuditCsv.line(r));
                }
                rows += page.size();
                if (page.size() < EXPORT_BATCH) {
                    break;
                }
                before = page.get(page.size() - 1).seq();
            }
            out.flush();
            complete = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TooManyDownloadsException e) {
            refused = e.getMessage();
            throw e;
        } finally {
            // The true outcome: a download the client broke off, a failed read or a refusal is no export.
            var changes = new java.util.LinkedHashMap<String, Object[]>();
            changes.put("filter", new Object[] {null, filter.describe()});
            changes.put("rows", new Object[] {null, rows});
            if (refused != null) {
                changes.put("refused", new Object[] {null, refused});
            }
            events.publishEvent(
                    new AuditEvent("EXPORT", "AuditLog", null, changes, complete ? "SUCCESS" : "FAILURE", null));
        }
        return rows;
    }

    /**
     * Verifies the live chain, also against the signed checkpoints kept outside the database, and
     * on success appends a checkpoint of the head it reached. Every outcome is published as
     * {@link AuditChainVerified}; a broken chain also as {@link AuditChainBroken}.
     */
    public VerificationResult verify(LongConsumer progress) {
        var result = verify(ChainTables.DEFAULT, checkpoints.file(), progress);
        if (result.intact()) {
            checkpoints.write();
        } else {
            events.publishEvent(new AuditChainBroken(
                    result.firstBadSeq() == null ? -1 : result.firstBadSeq(),
                    result.problem().name(),
                    result.message()));
        }
        events.publishEvent(new AuditChainVerified(result.intact(), result.rowsVerified(), clock.instant()));
        return result;
    }

    /** Verifies a chain against a checkpoint file; lines whose signature fails are named in the message. */
    public VerificationResult verify(ChainTables tables, Path checkpointFile, LongConsumer progress) {
        var read = checkpoints.read(checkpointFile);
        var result = verifier.verify(tables, ChainVerifier.bySeq(read.valid()), progress);
        if (read.problems().isEmpty()) {
            return result;
        }
        return new VerificationResult(
                result.rowsVerified(),
                result.firstBadSeq(),
                result.problem(),
                result.message()
                        + "; checkpoint file " + checkpointFile + " has lines that prove nothing: "
                        + String.join("; ", read.problems()),
                result.keyedFromSeq());
    }

    /** Verifies a chain kept elsewhere, such as a restored backup in another schema. */
    public VerificationResult verify(ChainTables tables, LongConsumer progress) {
        return verifier.verify(tables, progress);
    }

    public long rowsToVerify() {
        return verifier.expectedRows(ChainTables.DEFAULT);
    }

    /** Time range to seq range: occurred_at never decreases along seq, so both come from one index probe each. */
    private boolean appendTimeRange(AuditFilter f, StringBuilder sql, List<Object> args) {
        if (f.from() != null) {
            var first = jdbc.queryForList(
                    "SELECT seq FROM audit_logs WHERE occurred_at >= ? ORDER BY occurred_at, seq LIMIT 1",
                    Long.class,
                    utc(f.from()));
            if (first.isEmpty()) {
                return false;
            }
            sql.append(" AND seq >= ? AND occurred_at >= ?");
            args.add(first.get(0));
            args.add(utc(f.from()));
        }
        if (f.to() != null) {
            var last = jdbc.queryForList(
                    "SELECT seq FROM audit_logs WHERE occurred_at < ? ORDER BY occurred_at DESC, seq DESC LIMIT 1",
                    Long.class,
                    utc(f.to()));
            if (last.isEmpty()) {
                return false;
            }
            sql.append(" AND seq <= ? AND occurred_at < ?");
            args.add(last.get(0));
            args.add(utc(f.to()));
        }
        return true;
    }

    private static LocalDateTime utc(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
