package com.infraconsole.job;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers the output of one job and writes it in batches: a batch is written when it holds
 * {@code flushLines} lines or when its first line has waited {@code flushInterval}, whichever
 * comes first. The process reader never waits for the database; a writer thread does.
 * After each batch, watchers hear the new line count.
 */
class JobLogWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobLogWriter.class);
    private static final JobLogLine END = new JobLogLine(-1, null, null);

    private final long jobId;
    private final JobLogStore store;
    private final IntConsumer afterFlush;
    private final Clock clock;
    private final int flushLines;
    private final long flushNanos;
    private final LinkedBlockingQueue<JobLogLine> queue = new LinkedBlockingQueue<>(100_000);
    private final Thread thread;
    private int nextLine;
    private volatile int written;
    private volatile RuntimeException failure;
    private boolean closed;

    JobLogWriter(long jobId, int firstLine, JobLogStore store, Clock clock, int flushLines, Duration flushInterval,
            IntConsumer afterFlush) {
        this.jobId = jobId;
        this.nextLine = firstLine;
        this.written = firstLine - 1;
        this.store = store;
        this.clock = clock;
        this.flushLines = flushLines;
        this.flushNanos = flushInterval.toNanos();
        this.afterFlush = afterFlush;
        this.thread = Thread.ofPlatform().name("job-log-" + jobId).daemon().start(this::drain);
    }

    /** Called by the one thread reading the process output. Blocks only if 100,000 lines are queued. */
    void append(String content) {
        try {
            queue.put(new JobLogLine(nextLine++, clock.instant(), content));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int linesWritten() {
        return written;
    }

    /** Writes what is queued and stops the writer thread; a second call does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            queue.put(END);
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            log.warn("Some log lines of job {} could not be stored: {}", jobId, failure.getMessage());
        }
    }

    private void drain() {
        var batch = new ArrayList<JobLogLine>(flushLines);
        boolean end = false;
        while (!end) {
            try {
                var first = queue.take();
                if (first == END) {
                    break;
                }
                batch.add(first);
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
                    batch.add(next);
                }
                write(batch);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void write(List<JobLogLine> batch) {
        try {
            store.insert(jobId, batch);
            written = batch.getLast().lineNumber();
            afterFlush.accept(written);
        } catch (RuntimeException e) {
            // Keep reading the process: a lost batch must not hang the job.
            failure = e;
            var cause = e instanceof org.springframework.core.NestedRuntimeException n ? n.getMostSpecificCause() : e;
            log.warn("Writing {} log lines of job {} failed: {}", batch.size(), jobId, cause.toString());
        }
    }
}
