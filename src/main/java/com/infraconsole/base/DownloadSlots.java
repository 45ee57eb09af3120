package com.infraconsole.base;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code infra.downloads.max-concurrent} downloads (job log, audit CSV, server CSV) run
 * at once on this node; one more is refused at once instead of queued. Downloads read the
 * database in short chunks and hold no connection while the client reads, so the limit guards
 * request threads, CPU and bandwidth rather than the pool itself.
 */
@Component
public class DownloadSlots {

    private final int capacity;
    private final Semaphore slots;

    DownloadSlots(@Value("${infra.downloads.max-concurrent:4}") int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("infra.downloads.max-concurrent must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        this.slots = new Semaphore(capacity);
    }

    /** A slot for one download, released by closing it; refused when every slot is taken. */
    public Slot acquire() {
        if (!slots.tryAcquire()) {
            throw new TooManyDownloadsException(capacity);
        }
        return new Slot();
    }

    public int capacity() {
        return capacity;
    }

    public int inUse() {
        return capacity - slots.availablePermits();
    }

    /** Closing it twice releases it once. */
    public final class Slot implements AutoCloseable {

        private final AtomicBoolean open = new AtomicBoolean(true);

        private Slot() {}

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                slots.release();
            }
        }
    }
}
