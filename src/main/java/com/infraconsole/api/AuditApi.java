package com.infraconsole.api;

import com.infraconsole.audit.AuditFilter;
import com.infraconsole.audit.AuditRow;
import com.infraconsole.audit.AuditService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/v1/audit (the compliance screen's filters, newest first) and its CSV export, for admins
 * and auditors: AuditService refuses everyone else, and records the export as the screen's does.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditApi {

    record AuditJson(
            long seq,
            Instant occurredAt,
            Long userId,
            String username,
            String action,
            String entityType,
            String entityId,
            String changes,
            String clientIp,
            String outcome) {

        static AuditJson of(AuditRow r) {
            return new AuditJson(
                    r.seq(),
                    r.occurredAt(),
                    r.userId(),
                    r.username(),
                    r.action(),
                    r.entityType(),
                    r.entityId(),
                    r.changes(),
                    r.clientIp(),
                    r.outcome());
        }
    }

    /** {@code before}: pass the last seq of a page to read the next one (cheap on any page). */
    record AuditPage(List<AuditJson> items, int size, Long next) {}

    private final AuditService audit;

    AuditApi(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping
    AuditPage list(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long before,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        var limit = Math.clamp(size, 1, Paging.MAX_SIZE);
        var rows = audit.list(
                new AuditFilter(from, to, username, action, entityType, entityId, q),
                before,
                before == null ? Math.max(0, page) * limit : 0,
                limit);
        return new AuditPage(
                rows.stream().map(AuditJson::of).toList(),
                limit,
                rows.size() < limit ? null : rows.getLast().seq());
    }

    @GetMapping("/export")
    void export(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId,
            @RequestParam(required = false) String q,
            HttpServletResponse response)
            throws IOException {
        var filter = new AuditFilter(from, to, username, action, entityType, entityId, q);
        // Refuse before the first byte: a 403 after the header has gone out would be a broken CSV.
        audit.list(filter, null, 0, 1);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
        var out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        audit.exportCsv(filter, out);
        out.flush();
    }
}
