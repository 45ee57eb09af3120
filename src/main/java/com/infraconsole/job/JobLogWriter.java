package com.infraconsole.job;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers the output of one job and writes it in batches: a batch is written when it holds
 * {@code flushLines} lines or {@link #MAX_BATCH_BYTES} of text, or when its first line has waited
 * {@code flushInterval}, whichever comes first. The process reader never waits for the database; a
 * writer thread does. The queue is bounded in bytes ({@link #MAX_QUEUED_BYTES}): when the database
 * is slower than the output, the reader waits, and so does the process (its pipe fills), instead of
 * the heap growing. A batch the database refuses is retried line by line, so one bad line loses
 * only itself; lines that could not be stored are counted, logged and, if the database takes it,
 * reported in the job's own log. After each batch, watchers hear the new line count.
 */
class JobLogWriter implements AutoCloseable {

    /** Far below max_allowed_packet (16 MB by default on MariaDB and MySQL 8). */
    static final int MAX_BATCH_BYTES = 1024 * 1024;

    static final int MAX_QUEUED_BYTES = 8 * 1024 * 1024;
    /** What a queued line costs besides its text, so that empty lines are bounded too. */
    private static final int LINE_OVERHEAD = 64;

    private static final Logger log = LoggerFactory.getLogger(JobLogWriter.class);
    private static final JobLogLine END = new JobLogLine(-1, null, null);

    private final long jobId;
    private final JobLogStore store;
    private final IntConsumer afterFlush;
    private final Clock clock;
    private final int flushLines;
    private final long flushNanos;
    private final LinkedBlockingQueue<JobLogLine> queue = new LinkedBlockingQueue<>();
    private final Semaphore queuedBytes = new Semaphore(MAX_QUEUED_BYTES);
    private final Thread thread;
    private final AtomicInteger nextLine;
    private volatile int written;
    private volatile int lost;
    private volatile RuntimeException failure;
    private volatile boolean closed;

    JobLogWriter(
            long jobId,
            int firstLine,
            JobLogStore store,
            Clock clock,
            int flushLines,
            Duration flushInterval,
            IntConsumer afterFlush) {
        this.jobId = jobId;
        this.nextLine = new AtomicInteger(firstLine);
        this.written = firstLine - 1;
        this.store = store;
        this.clock = clock;
        this.flushLines = flushLines;
        this.flushNanos = flushInterval.toNanos();
        this.afterFlush = afterFlush;
        this.thread = Thread.ofPlatform().name("job-log-" + jobId).daemon().start(this::drain);
    }

    /**
     * Called by one thread at a time (the process reader, then the runner). Blocks while
     * {@link #MAX_QUEUED_BYTES} are waiting for the database; after {@link #close()} it drops the line.
     */
    synchronized void append(String content) {
        if (closed) {
            return;
        }
        try {
            queuedBytes.acquire(cost(content));
            queue.put(new JobLogLine(nextLine.getAndIncrement(), clock.instant(), content));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int linesWritten() {
        return written;
    }

    /** Lines that could not be stored so far. */
    int linesLost() {
        return lost;
    }

    /** Writes what is queued and stops the writer thread; called by the runner only, a second call does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(END);
        try {
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A reader still waiting for room (its process is gone by now) must not wait forever.
        queuedBytes.release(MAX_QUEUED_BYTES);
        if (failure != null) {
            log.warn("{} log lines of job {} could not be stored: {}", lost, jobId, failure.getMessage());
        }
    }

    private void drain() {
        var batch = new ArrayList<JobLogLine>(Math.min(flushLines, 1024));
        JobLogLine carried = null;
        boolean end = false;
        while (!end) {
            try {
                var first = carried != null ? carried : queue.take();
                carried = null;
                if (first == END) {
                    break;
                }
                batch.add(first);
                long bytes = bytes(first);
                long deadline = System.nanoTime() + flushNanos;
                while (batch.size() < flushLines) {
                    var next = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    if (next == END) {
                        end = true;
                        break;
                    }
                    if (bytes + bytes(next) > MAX_BATCH_BYTES) {
                        carried = next; // starts the next batch
                        break;
                    }
                    batch.add(next);
                    bytes += bytes(next);
                }
                write(batch);
                batch.forEach(l -> queuedBytes.release(cost(l.content())));
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (lost > 0) {
            reportLoss();
        }
    }

    private void write(List<JobLogLine> batch) {
        try {
            store.insert(jobId, batch);
        } catch (RuntimeException e) {
            note(e, batch.size());
            if (batch.size() > 1) {
                lineByLine(batch);
            } else {
                lost++;
            }
        }
        written = batch.getLast().lineNumber();
        afterFlush.accept(written);
    }

    /** Keeps every line the database takes; only the ones it refuses are lost. */
    private void lineByLine(List<JobLogLine> batch) {
        for (var line : batch) {
            try {
                store.insert(jobId, List.of(line));
            } catch (RuntimeException e) {
                lost++;
                failure = e;
            }
        }
    }

    /** One line after the others: the reader of the log learns that something is missing. */
    private void reportLoss() {
        var marker = new JobLogLine(
                nextLine.getAndIncrement(),
                clock.instant(),
                "[console] " + lost + " output line(s) could not be stored: " + message(failure));
        try {
            store.insert(jobId, List.of(marker));
            written = marker.lineNumber();
            afterFlush.accept(written);
        } catch (RuntimeException e) {
            // The database is still refusing: the WARN in close() is the record.
        }
    }

    private void note(RuntimeException e, int lines) {
        failure = e;
        log.warn(
                "Writing {} log lines of job {} failed{}: {}",
                lines,
                jobId,
                lines > 1 ? " (retrying line by line)" : "",
                message(e));
    }

    private static String message(RuntimeException e) {
        var cause = e instanceof org.springframework.core.NestedRuntimeException n ? n.getMostSpecificCause() : e;
        return String.valueOf(cause);
    }

    private static int bytes(JobLogLine line) {
        var s = line.content();
        // An upper bound without encoding: UTF-8 needs at most 3 bytes per char (4 per surrogate pair).
        return s == null ? 0 : s.length() * 3;
    }

    private static int cost(String content) {
        return LINE_OVERHEAD + (content == null ? 0 : Math.min(content.length() * 3, MAX_QUEUED_BYTES - LINE_OVERHEAD));
    }
}
