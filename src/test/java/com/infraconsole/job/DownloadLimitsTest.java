package com.infraconsole.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.audit.AuditFilter;
import com.infraconsole.audit.AuditLogProbe;
import com.infraconsole.audit.AuditService;
import com.infraconsole.base.DownloadSlots;
import com.infraconsole.base.TooManyDownloadsException;
import com.infraconsole.security.Role;
import com.infraconsole.server.ServerFilter;
import com.infraconsole.server.ServerTransferService;
import com.zaxxer.hikari.HikariDataSource;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Downloads (job log, server CSV, audit CSV) against a client that reads slowly: no pool
 * connection is held while it reads, at most infra.downloads.max-concurrent run at once (one more
 * is refused at once and audited as such), and a big log passes through a bounded amount of heap.
 */
@IntegrationTest
class DownloadLimitsTest {

    @Autowired
    TestUsers users;

    @Autowired
    JobService jobs;

    @Autowired
    JobFixtures fx;

    @Autowired
    ServerTransferService transfers;

    @Autowired
    AuditService auditService;

    @Autowired
    AuditLogProbe audit;

    @Autowired
    DownloadSlots slots;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private final List<Stalling> stalled = new ArrayList<>();

    @AfterEach
    void releaseAndSignOut() {
        stalled.forEach(Stalling::release);
        TestUsers.signOut();
    }

    @Test
    void a_client_reading_slowly_holds_no_pool_connection_for_any_kind_of_download() throws Exception {
        var user = users.signIn(Role.ADMIN);
        fx.localServer();
        long job = jobWithLines(user.getId(), 3 * JobLogStore.DOWNLOAD_CHUNK, 100);

        var log = stall(100_000);
        var logDownload = inBackground(() -> jobs.writeLog(job, log));
        assertThat(log.awaitStalled()).isTrue();
        assertThat(minActiveConnections())
                .as("active pool connections while the log's reader stalls")
                .isZero();
        log.release();
        logDownload.get(30, TimeUnit.SECONDS);
        assertThat(log.written).isGreaterThan(3L * JobLogStore.DOWNLOAD_CHUNK * 100);

        var servers = stall(200);
        var serverExport = inBackground(() ->
                transfers.exportCsv(ServerFilter.none(), new OutputStreamWriter(servers, StandardCharsets.UTF_8)));
        assertThat(servers.awaitStalled()).isTrue();
        assertThat(minActiveConnections())
                .as("active pool connections while the server CSV's reader stalls")
                .isZero();
        servers.release();
        serverExport.get(30, TimeUnit.SECONDS);

        var auditCsv = stall(1_000);
        var auditExport = inBackground(() ->
                auditService.exportCsv(AuditFilter.ALL, new OutputStreamWriter(auditCsv, StandardCharsets.UTF_8)));
        assertThat(auditCsv.awaitStalled()).isTrue();
        assertThat(minActiveConnections())
                .as("active pool connections while the audit CSV's reader stalls")
                .isZero();
        auditCsv.release();
        auditExport.get(60, TimeUnit.SECONDS);
    }

    @Test
    void one_download_more_than_the_slots_is_refused_at_once_and_audited_as_refused() throws Exception {
        var user = users.signIn(Role.ADMIN);
        long job = jobWithLines(user.getId(), 10, 100);
        var running = new ArrayList<CompletableFuture<Void>>();
        for (int i = 0; i < slots.capacity(); i++) {
            var slow = stall(0);
            running.add(inBackground(() -> jobs.writeLog(job, slow)));
            assertThat(slow.awaitStalled()).isTrue();
        }
        assertThat(slots.inUse()).isEqualTo(slots.capacity());
        long before = audit.lastSeq();

        long started = System.nanoTime();
        assertThatThrownBy(() -> jobs.writeLog(job, OutputStream.nullOutputStream()))
                .isInstanceOf(TooManyDownloadsException.class)
                .hasMessageContaining("try again");
        assertThatThrownBy(() -> auditService.exportCsv(
                        AuditFilter.ALL, new OutputStreamWriter(OutputStream.nullOutputStream())))
                .isInstanceOf(TooManyDownloadsException.class);
        assertThatThrownBy(() -> transfers.exportCsv(
                        ServerFilter.none(), new OutputStreamWriter(OutputStream.nullOutputStream())))
                .isInstanceOf(TooManyDownloadsException.class);
        assertThat((System.nanoTime() - started) / 1_000_000)
                .as("refused at once, ms")
                .isLessThan(5_000);

        var refusals = audit.since(before).stream()
                .filter(r -> r.action().equals("EXPORT"))
                .toList();
        assertThat(refusals).extracting(r -> r.entityType()).containsExactly("JobLog", "AuditLog", "Server");
        assertThat(refusals).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo("FAILURE");
            assertThat(r.changes()).contains("refused", "Too many downloads");
        });

        stalled.forEach(Stalling::release);
        for (var r : running) {
            r.get(30, TimeUnit.SECONDS);
        }
        assertThat(slots.inUse()).isZero();
        var after = stall(Long.MAX_VALUE);
        jobs.writeLog(job, after);
        assertThat(after.written).isEqualTo(10 * 101);
    }

    @Test
    void a_big_log_passes_through_a_bounded_amount_of_heap() throws Exception {
        var user = users.signIn(Role.ADMIN);
        int lines = 10_000;
        long job = jobWithLines(user.getId(), lines, 1_000); // about 10 MB of text, 20 chunks
        long baseline = usedHeapAfterGc();

        var log = stall(lines / 2 * 1_001L);
        var download = inBackground(() -> jobs.writeLog(job, log));
        assertThat(log.awaitStalled()).isTrue();
        long midway = usedHeapAfterGc();
        log.release();
        download.get(60, TimeUnit.SECONDS);

        assertThat(log.written).isEqualTo(lines * 1_001L);
        log().info(
                        "Heap held halfway through a {} MB log download: {} KB",
                        lines * 1_001L / 1024 / 1024,
                        (midway - baseline) / 1024);
        assertThat((midway - baseline) / 1024 / 1024)
                .as("MB of heap held halfway through a 10 MB download")
                .isLessThan(4);
    }

    private static org.slf4j.Logger log() {
        return org.slf4j.LoggerFactory.getLogger(DownloadLimitsTest.class);
    }

    private long jobWithLines(long userId, int lines, int lineLength) {
        var uuid = UUID.randomUUID().toString();
        var when = Timestamp.from(clock.instant());
        jdbc.sql("INSERT INTO jobs (job_id, playbook_id, server_id, user_id, status, created_at, completed_at)"
                        + " VALUES (?, ?, ?, ?, 'success', ?, ?)")
                .params(uuid, fx.tasks("- debug:\n    msg: x"), fx.localServer(), userId, when, when)
                .update();
        long id = jdbc.sql("SELECT id FROM jobs WHERE job_id = ?")
                .param(uuid)
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO job_logs (job_id, line_number, content) SELECT ?, seq, REPEAT('x', ?) FROM seq_1_to_"
                        + lines)
                .params(id, lineLength)
                .update();
        return id;
    }

    /** Pool connections in use, the lowest of 20 looks over a second (other work takes one now and then). */
    private int minActiveConnections() throws Exception {
        var pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            min = Math.min(min, pool.getActiveConnections());
            Thread.sleep(50);
        }
        return min;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        var rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    private Stalling stall(long afterBytes) {
        var s = new Stalling(afterBytes);
        stalled.add(s);
        return s;
    }

    /** Runs a download as the signed-in user on another thread, as a servlet thread would. */
    private static CompletableFuture<Void> inBackground(Runnable download) {
        var context = SecurityContextHolder.getContext();
        return CompletableFuture.runAsync(
                () -> {
                    SecurityContextHolder.setContext(context);
                    try {
                        download.run();
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                },
                r -> new Thread(r, "slow-download").start());
    }

    /** A client that stops reading once it has more than afterBytes, until released. */
    static final class Stalling extends OutputStream {

        private final long afterBytes;
        private final CountDownLatch stalled = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        volatile long written;

        Stalling(long afterBytes) {
            this.afterBytes = afterBytes;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            written += len;
            if (written > afterBytes && stalled.getCount() > 0) {
                stalled.countDown();
                try {
                    released.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        boolean awaitStalled() throws InterruptedException {
            return stalled.await(30, TimeUnit.SECONDS);
        }

        void release() {
            released.countDown();
        }
    }
}
