package com.infraconsole.notification;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A token bucket per hook and node: a hook takes up to its calls-per-minute at once, then one more
 * each 60/N seconds. Every call counts, signed or not, so a flood of bad signatures is cut off
 * before it costs an HMAC and a database write each. Behind a load balancer with several nodes
 * the limit is per node (docs/api.md, "Webhooks and notifications").
 */
@Component
class HookRateLimit {

    private static final class Bucket {
        double tokens;
        long lastMillis;
        int perMinute;
    }

    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;

    HookRateLimit(Clock clock) {
        this.clock = clock;
    }

    /** 0 when the call may go ahead, else the seconds to wait before the next token. */
    long take(long hookId, int perMinute) {
        var bucket = buckets.computeIfAbsent(hookId, id -> {
            var b = new Bucket();
            b.tokens = perMinute;
            b.lastMillis = clock.millis();
            b.perMinute = perMinute;
            return b;
        });
        synchronized (bucket) {
            var now = clock.millis();
            if (bucket.perMinute != perMinute) {
                bucket.perMinute = perMinute;
                bucket.tokens = Math.min(bucket.tokens, perMinute);
            }
            bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.lastMillis) * perMinute / 60_000.0);
            bucket.lastMillis = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) * 60.0 / perMinute));
        }
    }
}
