package com.infraconsole;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.user.User;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two people writing at once, for real: another transaction writes (inserts the same name,
 * updates the same row) and does not commit yet, so the service's own check cannot see it and
 * its write waits on the other's lock; then the other commits and the database refuses the
 * service's write (unique key, or version no longer matching).
 */
@Component
public class RacingWrite {

    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    RacingWrite(TransactionTemplate transactions, JdbcTemplate jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** Runs {@code save} as {@code user} while {@code sql} is uncommitted; returns what {@code save} threw. */
    public Throwable lose(User user, Runnable save, String sql, Object... args) throws Exception {
        // Own threads: the common pool may have a single thread on a small machine, which the holder would block.
        var threads = Executors.newFixedThreadPool(2);
        try {
            var inserted = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            var holder = CompletableFuture.runAsync(
                    () -> transactions.executeWithoutResult(tx -> {
                        jdbc.update(sql, args);
                        inserted.countDown();
                        await(release);
                    }),
                    threads);
            assertThat(inserted.await(20, TimeUnit.SECONDS)).isTrue();
            var saving = CompletableFuture.runAsync(
                    () -> {
                        TestUsers.signIn(user);
                        try {
                            save.run();
                        } finally {
                            TestUsers.signOut();
                        }
                    },
                    threads);
            Thread.sleep(1500);
            assertThat(saving)
                    .as("passed the service's check and waits on the other transaction")
                    .isNotDone();
            release.countDown();
            holder.get(20, TimeUnit.SECONDS);
            try {
                saving.get(20, TimeUnit.SECONDS);
                return null;
            } catch (ExecutionException e) {
                return e.getCause();
            }
        } finally {
            threads.shutdown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
