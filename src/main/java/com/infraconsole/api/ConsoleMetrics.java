package com.infraconsole.api;

import com.infraconsole.audit.AuditChainVerified;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;

/**
 * The console's own meters, read from the shared database so that every node reports the
 * cluster's jobs (queue, status, running per node) the same way; refreshed every 15 s, not per
 * scrape. Log lines and audit rows are counters over their tables' ever-growing keys (rate() gives
 * lines and rows per second; an insert batch that rolls back can leave a gap, so they are close,
 * not exact). Login failures count on each node, and so do the outcome and age of the last audit
 * chain verification (every node verifies at an interval: audit.ScheduledVerification).
 */
@Component
@ConditionalOnWebApplication // not in the command-line mode
class ConsoleMetrics {

    record Snapshot(Map<String, Long> byStatus, Map<String, Long> runningByNode, long logLines, long auditRows) {}

    private final JdbcTemplate jdbc;
    private final AtomicReference<Snapshot> last = new AtomicReference<>(new Snapshot(Map.of(), Map.of(), 0, 0));
    private final MultiGauge jobsByStatus;
    private final MultiGauge runningByNode;
    private final Counter loginFailures;
    private final AtomicReference<AuditChainVerified> lastVerification = new AtomicReference<>();
    private final Clock clock;

    ConsoleMetrics(JdbcTemplate jdbc, MeterRegistry registry, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        jobsByStatus =
                MultiGauge.builder("infra.jobs").description("Jobs by status").register(registry);
        runningByNode = MultiGauge.builder("infra.jobs.running")
                .description("Running jobs per console node")
                .register(registry);
        Gauge.builder("infra.jobs.queue.depth", last, s -> s.get().byStatus().getOrDefault("pending", 0L))
                .description("Jobs waiting to start")
                .register(registry);
        FunctionCounter.builder("infra.job.log.lines", last, s -> s.get().logLines())
                .description("Job log lines written")
                .register(registry);
        FunctionCounter.builder("infra.audit.rows", last, s -> s.get().auditRows())
                .description("Audit rows written")
                .register(registry);
        loginFailures = Counter.builder("infra.login.failures")
                .description("Failed logins on this node")
                .register(registry);
        // NaN until this node has verified the chain (at start-up plus infra.audit.verify-initial-delay,
        // or when someone presses Verify): absent knowledge, not a pass.
        Gauge.builder(
                        "infra.audit.chain.intact",
                        lastVerification,
                        v -> v.get() == null ? Double.NaN : v.get().intact() ? 1 : 0)
                .description("Last verification of the audit chain on this node: 1 intact, 0 broken")
                .register(registry);
        Gauge.builder(
                        "infra.audit.chain.verified.age",
                        lastVerification,
                        v -> v.get() == null
                                ? Double.NaN
                                : Duration.between(v.get().at(), clock.instant())
                                                .toMillis()
                                        / 1000.0)
                .description("Seconds since the last verification of the audit chain on this node")
                .baseUnit("seconds")
                .register(registry);
    }

    @EventListener
    void on(AuditChainVerified verified) {
        lastVerification.set(verified);
    }

    @Scheduled(fixedDelay = 15_000, initialDelay = 1_000)
    void refresh() {
        var byStatus = jdbc.query(
                "SELECT status, COUNT(*) FROM jobs GROUP BY status",
                (rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)));
        var byNode = jdbc.query(
                "SELECT COALESCE(node_id, '?'), COUNT(*) FROM jobs WHERE status = 'running' GROUP BY node_id",
                (rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)));
        var logLines = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM job_logs", Long.class);
        var auditRows = jdbc.queryForObject("SELECT COALESCE(MAX(seq), 0) FROM audit_logs", Long.class);
        last.set(new Snapshot(
                Map.ofEntries(byStatus.toArray(Map.Entry[]::new)),
                Map.ofEntries(byNode.toArray(Map.Entry[]::new)),
                logLines,
                auditRows));
        var statuses = List.of("pending", "running", "success", "failed", "cancelled", "timed_out");
        jobsByStatus.register(
                statuses.stream()
                        .map(s -> MultiGauge.Row.of(
                                Tags.of("status", s), last.get().byStatus().getOrDefault(s, 0L)))
                        .toList(),
                true);
        runningByNode.register(
                last.get().runningByNode().entrySet().stream()
                        .map(e -> MultiGauge.Row.of(Tags.of("node", e.getKey()), e.getValue()))
                        .toList(),
                true);
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        loginFailures.increment();
    }

    /** For tests and the refresh: the last values read. */
    Snapshot snapshot() {
        return last.get();
    }
}
