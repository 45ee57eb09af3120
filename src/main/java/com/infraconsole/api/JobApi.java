package com.infraconsole.api;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.job.JobDetails;
import com.infraconsole.job.JobFilter;
import com.infraconsole.job.JobService;
import com.infraconsole.job.JobStatus;
import com.infraconsole.job.JobSummary;
import com.infraconsole.job.LaunchRequest;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** /api/v1/jobs: launch with the launch dialog's options and checks, list, read, log, follow, cancel. */
@RestController
@RequestMapping("/api/v1/jobs")
class JobApi {

    static final int MAX_LOG_LINES = 5_000;

    record LaunchJson(
            Long playbookId,
            List<Long> serverIds,
            String extraVars,
            Boolean checkMode,
            Integer verbosity,
            Integer timeoutSeconds,
            Boolean openTicketOnFailure) {

        LaunchRequest toRequest() {
            return new LaunchRequest(
                    playbookId,
                    serverIds == null ? List.of() : serverIds,
                    extraVars,
                    Boolean.TRUE.equals(checkMode),
                    verbosity == null ? 0 : verbosity,
                    timeoutSeconds,
                    Boolean.TRUE.equals(openTicketOnFailure));
        }
    }

    /** {@code status} lower case as stored: pending, running, success, failed, cancelled, timed_out. */
    record JobJson(
            long id,
            String status,
            Integer exitCode,
            long playbookId,
            String playbookName,
            String username,
            List<Long> serverIds,
            boolean checkMode,
            int verbosity,
            Integer timeoutSeconds,
            String errorMessage,
            Instant createdAt,
            Instant startedAt,
            Instant completedAt) {

        static JobJson of(JobDetails d) {
            var j = d.job();
            return new JobJson(
                    j.getId(),
                    j.getStatus().dbValue(),
                    j.getExitCode(),
                    j.getPlaybookId(),
                    d.playbookName(),
                    d.username(),
                    j.getTargets(),
                    j.isCheckMode(),
                    j.getVerbosity(),
                    j.getTimeoutSeconds(),
                    j.getErrorMessage(),
                    j.getCreatedAt(),
                    j.getStartedAt(),
                    j.getCompletedAt());
        }
    }

    record JobRowJson(
            long id,
            String status,
            long playbookId,
            String playbookName,
            String targets,
            String username,
            Instant createdAt,
            Instant startedAt,
            Instant completedAt) {

        static JobRowJson of(JobSummary s) {
            return new JobRowJson(
                    s.id(),
                    s.status().dbValue(),
                    s.playbookId(),
                    s.playbookName(),
                    s.targetsLabel(),
                    s.username(),
                    s.createdAt(),
                    s.startedAt(),
                    s.completedAt());
        }
    }

    record LogLineJson(int line, String content) {}

    /** {@code next}: the line number to ask for next (from=next). */
    record LogJson(long jobId, String status, List<LogLineJson> lines, int next) {}

    private final JobService jobs;
    private final LogStreams streams;

    JobApi(JobService jobs, LogStreams streams) {
        this.jobs = jobs;
        this.streams = streams;
    }

    @PostMapping
    ResponseEntity<JobJson> launch(@RequestBody LaunchJson body) {
        var id = jobs.launch(body.toRequest());
        return ResponseEntity.created(URI.create("/api/v1/jobs/" + id)).body(JobJson.of(find(id)));
    }

    @GetMapping
    Paging.Page<JobRowJson> list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Long playbookId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        var filter = new JobFilter(
                status == null || status.isBlank() ? null : status(status), playbookId, null, null, null, null);
        var request = Paging.of(page, size, Sort.by(Sort.Direction.DESC, "id"));
        return new Paging.Page<>(
                jobs.list(filter, request).stream().map(JobRowJson::of).toList(),
                request.getPageNumber(),
                request.getPageSize(),
                jobs.count(filter));
    }

    @GetMapping("/{id}")
    JobJson get(@PathVariable long id) {
        return JobJson.of(find(id));
    }

    @GetMapping("/{id}/log")
    LogJson log(
            @PathVariable long id,
            @RequestParam(defaultValue = "1") int from,
            @RequestParam(defaultValue = "1000") int limit) {
        var job = find(id);
        var start = Math.max(1, from);
        var lines = jobs.logLines(id, start, Math.clamp(limit, 1, MAX_LOG_LINES)).stream()
                .map(l -> new LogLineJson(l.lineNumber(), l.content()))
                .toList();
        return new LogJson(
                id,
                job.job().getStatus().dbValue(),
                lines,
                lines.isEmpty() ? start : lines.getLast().line() + 1);
    }

    /**
     * Follows the log as server-sent events: one "line" event per line (its id is the line number,
     * so a client reconnecting with Last-Event-ID resumes after it), then one "end" event with the
     * final job when the job has finished and every line was sent.
     */
    @GetMapping(path = "/{id}/log/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(
            @PathVariable long id,
            @RequestParam(defaultValue = "1") int from,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        find(id);
        var start = Math.max(1, from);
        if (lastEventId != null && lastEventId.matches("\\d{1,9}")) {
            start = Integer.parseInt(lastEventId) + 1;
        }
        return streams.follow(id, start, () -> JobJson.of(find(id)));
    }

    @PostMapping("/{id}/cancel")
    JobJson cancel(@PathVariable long id) {
        find(id);
        jobs.cancel(id);
        return JobJson.of(find(id));
    }

    private JobDetails find(long id) {
        return jobs.get(id).orElseThrow(() -> new NoSuchElementException("No job " + id));
    }

    static JobStatus status(String value) {
        return Arrays.stream(JobStatus.values())
                .filter(s -> s.dbValue().equalsIgnoreCase(value.trim()))
                .findFirst()
                .orElseThrow(() -> InvalidInputException.of(
                        "status", "Status is one of pending, running, success, failed, cancelled, timed_out"));
    }
}
