package com.infraconsole.notification;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Works off due deliveries on a small pool of its own, so that no sender ever runs on a job's,
 * a request's or the scheduler's thread. A failed attempt is retried after retry-base, doubling,
 * up to max-attempts; then the row is failed for good and says why in the delivery log.
 */
@Component
class DeliveryWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private final DeliveryQueue queue;
    private final ChannelSender sender;
    private final int maxAttempts;
    private final Duration retryBase;
    private final Duration lease;
    private final Semaphore slots;
    private final ExecutorService pool;

    DeliveryWorker(
            DeliveryQueue queue,
            ChannelSender sender,
            @Value("${infra.notify.max-attempts:5}") int maxAttempts,
            @Value("${infra.notify.retry-base:30s}") Duration retryBase,
            @Value("${infra.notify.http-timeout:10s}") Duration timeout,
            @Value("${infra.notify.senders:4}") int senders) {
        this.queue = queue;
        this.sender = sender;
        this.maxAttempts = maxAttempts;
        this.retryBase = retryBase;
        // Longer than any one send can take (the SMTP and HTTP timeouts), so no row is sent twice at once.
        this.lease = timeout.multipliedBy(4).plusSeconds(30);
        this.slots = new Semaphore(senders);
        this.pool = Executors.newFixedThreadPool(
                senders, Thread.ofPlatform().name("notify-", 1).daemon().factory());
    }

    @Scheduled(
            initialDelayString = "${infra.notify.poll-interval:2s}",
            fixedDelayString = "${infra.notify.poll-interval:2s}")
    void poll() {
        int free = slots.availablePermits();
        for (var delivery : queue.claim(free, lease)) {
            slots.acquireUninterruptibly();
            pool.execute(() -> {
                try {
                    deliver(delivery);
                } finally {
                    slots.release();
                }
            });
        }
    }

    private void deliver(DeliveryQueue.Claimed d) {
        ChannelSender.Outcome outcome;
        try {
            outcome = sender.send(d);
        } catch (RuntimeException e) {
            outcome = new ChannelSender.Outcome(false, true, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (outcome.sent()) {
            queue.sent(d.id());
            return;
        }
        var again = outcome.retry() && d.attempts() < maxAttempts;
        log.info(
                "Notification {} ({} to {}) attempt {} failed: {}{}",
                d.id(),
                d.event().wireName(),
                d.ruleName(),
                d.attempts(),
                outcome.error(),
                again ? "; will retry" : "; giving up");
        queue.attemptFailed(
                d.id(), outcome.error(), again ? retryBase.multipliedBy(1L << Math.min(d.attempts() - 1, 16)) : null);
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
