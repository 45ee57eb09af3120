package com.infraconsole.api;

import com.infraconsole.job.JobService;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Follows job logs for SSE clients by reading job_logs, so that it works on whichever node the
 * client reached, not only the one running the job. One virtual thread per stream, which sleeps
 * between reads; the number of streams per node is capped.
 */
@Component
class LogStreams {

    static final int MAX_STREAMS = 64;
    static final Duration POLL = Duration.ofMillis(200);
    static final Duration LONGEST = Duration.ofHours(6);
    private static final int BATCH = 500;

    private final JobService jobs;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore slots = new Semaphore(MAX_STREAMS);

    LogStreams(JobService jobs) {
        this.jobs = jobs;
    }

    SseEmitter follow(long jobId, int from, Supplier<JobApi.JobJson> finalJob) {
        if (!slots.tryAcquire()) {
            throw new ResponseStatusException(
                    HttpStatus.SERVICE_UNAVAILABLE, "Too many log streams on this node; poll the log instead");
        }
        var emitter = new SseEmitter(LONGEST.toMillis());
        var follow = new DelegatingSecurityContextRunnable(
                () -> {
                    try {
                        run(emitter, jobId, from, finalJob);
                    } finally {
                        slots.release();
                    }
                },
                SecurityContextHolder.getContext());
        threads.execute(follow);
        return emitter;
    }

    private void run(SseEmitter emitter, long jobId, int from, Supplier<JobApi.JobJson> finalJob) {
        var next = from;
        try {
            while (true) {
                var lines = jobs.logLines(jobId, next, BATCH);
                for (var line : lines) {
                    emitter.send(SseEmitter.event()
                            .id(String.valueOf(line.lineNumber()))
                            .name("line")
                            .data(line.content()));
                    next = line.lineNumber() + 1;
                }
                if (lines.size() == BATCH) {
                    continue;
                }
                // The job's state first, then the lines once more: lines written just before it
                // finished are then never left out of the stream.
                var job = finalJob.get();
                if (!"pending".equals(job.status()) && !"running".equals(job.status())) {
                    for (var line : jobs.logLines(jobId, next, Integer.MAX_VALUE)) {
                        emitter.send(SseEmitter.event()
                                .id(String.valueOf(line.lineNumber()))
                                .name("line")
                                .data(line.content()));
                    }
                    emitter.send(SseEmitter.event().name("end").data(job));
                    emitter.complete();
                    return;
                }
                Thread.sleep(POLL);
            }
        } catch (IOException | IllegalStateException clientGone) {
            emitter.completeWithError(clientGone);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        } catch (RuntimeException e) {
            emitter.completeWithError(e);
        }
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
