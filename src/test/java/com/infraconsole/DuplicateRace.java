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
 * Two people saving the same name at once, for real: another transaction inserts the row and
 * does not commit yet, so the service's own duplicate check cannot see it and its insert waits
 * on the unique key; then the other commits and the database refuses the service's insert.
 */
@Component
public class DuplicateRace {

    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    DuplicateRace(TransactionTemplate transactions, JdbcTemplate jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** Runs {@code save} as {@code user} while {@code insertSql} is uncommitted; returns what {@code save} threw. */
    public Throwable lose(User user, Runnable save, String insertSql, Object... args) throws Exception {
        // Own threads: the common pool may have a single thread on a small machine, which the holder would block.
        var threads = Executors.newFixedThreadPool(2);
        try {
            var inserted = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            var holder = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
                jdbc.update(insertSql, args);
                inserted.countDown();
                await(release);
            }), threads);
            assertThat(inserted.await(20, TimeUnit.SECONDS)).isTrue();
            var saving = CompletableFuture.runAsync(() -> {
                TestUsers.signIn(user);
                try {
                    save.run();
                } finally {
                    TestUsers.signOut();
                }
            }, threads);
            Thread.sleep(1500);
            assertThat(saving).as("passed the service's check and waits on the unique key").isNotDone();
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
