package com.infraconsole.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two admins acting at once are serialized: every deactivation first locks the active admin rows
 * (SELECT ... FOR UPDATE), so while another transaction holds them it waits instead of counting
 * admins that are about to go. The target here is an operator, whose own row is not locked, so
 * the wait can only come from the admin-row lock.
 */
@IntegrationTest
class LastAdminLockTest {

    @Autowired
    UserAdminService admin;

    @Autowired
    UserRepository repository;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TestUsers testUsers;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void a_deactivation_waits_while_another_transaction_holds_the_admin_rows() throws Exception {
        var target = testUsers.create(Role.OPERATOR);
        var actor = testUsers.create(Role.ADMIN);
        var locked = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        // Own threads: on two cores the common pool has one, and the deactivation would merely queue
        // behind the holder, so the "waits" below would pass without any lock.
        var threads = Executors.newFixedThreadPool(2);
        var holder = CompletableFuture.runAsync(
                () -> transactions.executeWithoutResult(tx -> {
                    repository.lockActiveByRole(Role.ADMIN);
                    locked.countDown();
                    await(release);
                }),
                threads);
        assertThat(locked.await(20, TimeUnit.SECONDS)).isTrue();
        var deactivation = CompletableFuture.supplyAsync(
                () -> {
                    TestUsers.signIn(actor);
                    try {
                        return admin.deactivate(target);
                    } finally {
                        TestUsers.signOut();
                    }
                },
                threads);
        Thread.sleep(1500);
        assertThat(deactivation).as("waits for the admin rows").isNotDone();
        release.countDown();
        holder.get(20, TimeUnit.SECONDS);
        assertThat(deactivation.get(20, TimeUnit.SECONDS).isActive()).isFalse();
        threads.shutdown();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
