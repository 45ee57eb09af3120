package com.infraconsole.api;

import com.infraconsole.job.JobSchedule;
import com.infraconsole.job.JobScheduleService;
import com.infraconsole.job.LaunchRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/v1/schedules: what the Schedules screen does (list, read, create, enable, disable), through
 * the same service, so the cron, time zone and launch checks and the audit rows are the same. A
 * schedule runs as its creator: the token's owner. Its extra vars are not echoed back, as on the
 * screen: they may hold values the policy masks.
 */
@RestController
@RequestMapping("/api/v1/schedules")
class ScheduleApi {

    record ScheduleCreateJson(
            String name,
            String cron,
            String timeZone,
            Long playbookId,
            List<Long> serverIds,
            String extraVars,
            Boolean checkMode,
            Integer verbosity,
            Boolean openTicketOnFailure) {

        LaunchRequest toRequest() {
            return new LaunchRequest(
                    playbookId,
                    serverIds == null ? List.of() : serverIds,
                    extraVars,
                    Boolean.TRUE.equals(checkMode),
                    verbosity == null ? 0 : verbosity,
                    null,
                    Boolean.TRUE.equals(openTicketOnFailure));
        }
    }

    record ScheduleJson(
            long id,
            String name,
            String cron,
            String timeZone,
            boolean enabled,
            long playbookId,
            List<Long> serverIds,
            boolean checkMode,
            int verbosity,
            boolean openTicketOnFailure,
            Instant nextRun,
            int skipCount,
            Instant lastSkippedAt,
            String lastSkipReason,
            long ownerId,
            Instant createdAt) {}

    private final JobScheduleService schedules;

    ScheduleApi(JobScheduleService schedules) {
        this.schedules = schedules;
    }

    @GetMapping
    Paging.Page<ScheduleJson> list(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        var request = Paging.of(page, size, Sort.by("name"));
        return new Paging.Page<>(
                schedules.list(request).stream().map(this::json).toList(),
                request.getPageNumber(),
                request.getPageSize(),
                schedules.count());
    }

    @GetMapping("/{id}")
    ScheduleJson get(@PathVariable long id) {
        return json(find(id));
    }

    @PostMapping
    ResponseEntity<ScheduleJson> create(@RequestBody ScheduleCreateJson body) {
        var saved = schedules.create(body.name(), body.cron(), body.timeZone(), body.toRequest());
        return ResponseEntity.created(URI.create("/api/v1/schedules/" + saved.getId()))
                .body(json(saved));
    }

    @PostMapping("/{id}/enable")
    ScheduleJson enable(@PathVariable long id) {
        find(id);
        schedules.enable(id);
        return json(find(id));
    }

    @PostMapping("/{id}/disable")
    ScheduleJson disable(@PathVariable long id) {
        find(id);
        schedules.disable(id);
        return json(find(id));
    }

    private JobSchedule find(long id) {
        return schedules.get(id).orElseThrow(() -> new NoSuchElementException("No schedule " + id));
    }

    private ScheduleJson json(JobSchedule s) {
        var run = s.launchRequest();
        return new ScheduleJson(
                s.getId(),
                s.getName(),
                s.getCron(),
                s.getTimeZone(),
                s.isEnabled(),
                s.getPlaybookId(),
                s.getTargets(),
                run.checkMode(),
                run.verbosity(),
                run.openTicketOnFailure(),
                schedules.nextRun(s.getId()).orElse(null),
                s.getSkipCount(),
                s.getLastSkippedAt(),
                s.getLastSkipReason(),
                s.getOwnerId(),
                s.getCreatedAt());
    }
}
