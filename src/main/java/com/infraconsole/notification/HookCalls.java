package com.infraconsole.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The delivery ids each hook has accepted within the replay window, in the database so that every
 * node refuses a replay. Claimed before the launch (the primary key lets exactly one of two
 * concurrent calls with one id through); a launch that fails frees its id again, so that the
 * sender's redelivery (same id) can succeed once the cause is fixed.
 */
@Component
class HookCalls {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration window;

    HookCalls(JdbcClient jdbc, Clock clock, @Value("${infra.hooks.replay-window:24h}") Duration window) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.window = window;
    }

    Duration window() {
        return window;
    }

    /** Remembers the id; throws DuplicateKeyException when it was accepted within the window. */
    void claim(long hookId, String deliveryId) {
        var now = clock.instant();
        jdbc.sql("DELETE FROM launch_hook_calls WHERE hook_id = ? AND delivery_id = ? AND received_at < ?")
                .params(hookId, deliveryId, Timestamp.from(now.minus(window)))
                .update();
        jdbc.sql("INSERT INTO launch_hook_calls (hook_id, delivery_id, received_at) VALUES (?, ?, ?)")
                .params(hookId, deliveryId, Timestamp.from(now))
                .update();
    }

    void release(long hookId, String deliveryId) {
        jdbc.sql("DELETE FROM launch_hook_calls WHERE hook_id = ? AND delivery_id = ? AND job_id IS NULL")
                .params(hookId, deliveryId)
                .update();
    }

    void recordJob(long hookId, String deliveryId, long jobId) {
        jdbc.sql("UPDATE launch_hook_calls SET job_id = ? WHERE hook_id = ? AND delivery_id = ?")
                .params(jobId, hookId, deliveryId)
                .update();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOld() {
        jdbc.sql("DELETE FROM launch_hook_calls WHERE received_at < ?")
                .param(Timestamp.from(clock.instant().minus(window)))
                .update();
    }
}
