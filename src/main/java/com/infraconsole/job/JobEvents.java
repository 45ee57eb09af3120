package com.infraconsole.job;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells watchers (browser sessions) of one job that it changed: new log lines or a new status.
 * Lines written on this node are announced as soon as they are stored; for jobs run by another
 * node, one poll per watched job per second (not per browser) notices new lines in the database.
 */
@Component
public class JobEvents {

    /** What changed: the number of stored lines and, when known, the status. */
    public record Change(long jobId, int lineCount, JobStatus status) {}

    private static final Logger log = LoggerFactory.getLogger(JobEvents.class);
    private final Map<Long, List<Consumer<Change>>> listeners = new ConcurrentHashMap<>();
    private final Set<Long> runningHere = ConcurrentHashMap.newKeySet();
    private final Map<Long, Change> lastPolled = new ConcurrentHashMap<>();
    private final JobLogStore logs;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    JobEvents(JobLogStore logs, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.logs = logs;
        this.jdbc = jdbc;
    }

    /** Registers a watcher; the returned handle removes it (call it on detach). */
    public Runnable watch(long jobId, Consumer<Change> listener) {
        listeners.computeIfAbsent(jobId, id -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.computeIfPresent(jobId, (id, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    void publish(Change change) {
        var list = listeners.get(change.jobId());
        if (list == null) {
            return;
        }
        for (var l : list) {
            try {
                l.accept(change);
            } catch (RuntimeException e) {
                log.debug("Job watcher failed", e);
            }
        }
    }

    void runningHere(long jobId, boolean running) {
        if (running) {
            runningHere.add(jobId);
        } else {
            runningHere.remove(jobId);
        }
    }

    /** Jobs watched here but run elsewhere (or finished): look in the database. */
    @Scheduled(fixedDelay = 1000)
    void pollWatchedJobs() {
        for (var jobId : listeners.keySet()) {
            if (runningHere.contains(jobId)) {
                continue;
            }
            var status = jdbc.sql("SELECT status FROM jobs WHERE id = ?")
                    .param(jobId)
                    .query(String.class)
                    .optional()
                    .map(JobStatus::fromDbValue)
                    .orElse(null);
            var change = new Change(jobId, logs.lineCount(jobId), status);
            if (!change.equals(lastPolled.put(jobId, change))) {
                publish(change);
            }
        }
        lastPolled.keySet().retainAll(listeners.keySet());
    }
}
