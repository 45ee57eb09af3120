package com.infraconsole.server;

import com.infraconsole.base.CsvFormat;
import com.infraconsole.base.DownloadSlots;
import com.infraconsole.base.EntityValidator;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.TooManyDownloadsException;
import com.infraconsole.base.audit.AuditAction;
import com.infraconsole.base.audit.AuditEvent;
import com.infraconsole.security.AdminOrOperator;
import com.infraconsole.security.CurrentUser;
import com.infraconsole.server.ImportReport.Outcome;
import com.infraconsole.server.ImportReport.Row;
import com.infraconsole.user.UserService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Server import from CSV or an Ansible INI inventory, and CSV export.
 *
 * <p>An import is all-or-nothing about what it writes: {@link #preview} validates every row and
 * writes nothing; {@link #importValid} validates again and creates every valid row in ONE
 * transaction, skipping duplicates and rejected rows, which the user saw in the preview and
 * chose to leave out. If any insert fails (someone created the same hostname meanwhile) the
 * whole import rolls back and nothing is created.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ServerTransferService {

    static final List<String> COLUMNS = List.of(
            "hostname",
            "ip_address",
            "ssh_port",
            "ssh_user",
            "os_type",
            "environment",
            "status",
            "location",
            "description");
    static final int MAX_ROWS = 5000;
    private static final int EXPORT_PAGE = 500;

    private final ServerRepository servers;
    private final EnvironmentRepository environments;
    private final EntityValidator validator;
    private final UserService users;
    private final ApplicationEventPublisher events;
    private final DownloadSlots downloads;

    ServerTransferService(
            ServerRepository servers,
            EnvironmentRepository environments,
            EntityValidator validator,
            UserService users,
            ApplicationEventPublisher events,
            DownloadSlots downloads) {
        this.events = events;
        this.downloads = downloads;
        this.servers = servers;
        this.environments = environments;
        this.validator = validator;
        this.users = users;
    }

    @Transactional(readOnly = true)
    @AdminOrOperator
    public ImportReport preview(String content, ImportFormat format, Long defaultEnvironmentId) {
        var plan = plan(content, format, defaultEnvironmentId);
        return new ImportReport(plan.rows(), false);
    }

    @Transactional
    @AdminOrOperator
    @AuditAction("SERVER_IMPORT")
    public ImportReport importValid(String content, ImportFormat format, Long defaultEnvironmentId) {
        var plan = plan(content, format, defaultEnvironmentId);
        var creator = CurrentUser.accountId().orElse(null);
        String current = null;
        try {
            for (var server : plan.valid()) {
                current = server.getHostname();
                server.setCreatedBy(creator);
                servers.save(server);
            }
            servers.flush();
        } catch (DataIntegrityViolationException e) {
            throw InvalidInputException.of(
                    "",
                    "Nothing was imported: saving " + current
                            + " failed, probably because someone created it meanwhile. Preview the file again.");
        }
        return new ImportReport(plan.rows(), true);
    }

    /**
     * Records an import refused at upload, before any preview (a file over the byte or row limit),
     * as a failed SERVER_IMPORT: who tried, which file, why. Nothing else is written.
     */
    @AdminOrOperator
    public void recordRefusedImport(String fileName, String reason) {
        events.publishEvent(new AuditEvent(
                "SERVER_IMPORT",
                "Server",
                null,
                Map.of("file", new Object[] {null, fileName == null ? "" : fileName}, "refused", new Object[] {
                    null, reason
                }),
                "FAILURE",
                null));
    }

    /**
     * Writes the servers the filter selects as CSV, in one of the node's download slots. Pages of
     * 500 are read by hostname (keyset), each in a short read of its own, and written after its
     * connection went back to the pool: a slow client holds no connection and no transaction. The
     * export is audited with its true outcome (a broken-off or refused download is a FAILURE).
     *
     * @throws TooManyDownloadsException when every download slot is taken
     */
    public void exportCsv(ServerFilter filter, Writer out) {
        var header = new ArrayList<>(COLUMNS);
        header.addAll(List.of("created_by", "created_at", "updated_at"));
        long rows = 0;
        boolean complete = false;
        String refused = null;
        try (var slot = downloads.acquire()) {
            out.write(CsvFormat.line(header));
            String after = null;
            while (true) {
                var spec = filter.toSpecification();
                if (after != null) {
                    var last = after;
                    spec = spec.and((root, query, cb) -> cb.greaterThan(root.get("hostname"), last));
                }
                // The repository's own read-only transaction; environment comes with each row (entity graph).
                var servers = this.servers
                        .findAll(spec, PageRequest.of(0, EXPORT_PAGE, Sort.by("hostname")))
                        .getContent();
                var ids = servers.stream()
                        .map(Server::getCreatedBy)
                        .filter(Objects::nonNull)
                        .collect(Collectors.toSet());
                var names = users.usernames(ids);
                for (var s : servers) {
                    out.write(CsvFormat.line(java.util.Arrays.asList(
                            s.getHostname(),
                            s.getIpAddress(),
                            String.valueOf(s.getSshPort()),
                            s.getSshUser(),
                            CsvFormat.text(s.getOsType()),
                            s.getEnvironment().getName(),
                            s.getStatus().dbValue(),
                            CsvFormat.text(s.getLocation()),
                            CsvFormat.text(s.getDescription()),
                            s.getCreatedBy() == null ? "" : names.get(s.getCreatedBy()),
                            String.valueOf(s.getCreatedAt()),
                            String.valueOf(s.getUpdatedAt()))));
                    rows++;
                }
                out.flush();
                if (servers.size() < EXPORT_PAGE) {
                    complete = true;
                    return;
                }
                after = servers.getLast().getHostname();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TooManyDownloadsException e) {
            refused = e.getMessage();
            throw e;
        } finally {
            var changes = new java.util.LinkedHashMap<String, Object[]>();
            changes.put("rows", new Object[] {null, rows});
            if (refused != null) {
                changes.put("refused", new Object[] {null, refused});
            }
            events.publishEvent(
                    new AuditEvent("EXPORT", "Server", null, changes, complete ? "SUCCESS" : "FAILURE", null));
        }
    }

    private record Plan(List<Row> rows, List<Server> valid) {}

    private Plan plan(String content, ImportFormat format, Long defaultEnvironmentId) {
        if (content == null || content.isBlank()) {
            throw InvalidInputException.of("file", "The file is empty.");
        }
        var envs = environments.findAll().stream()
                .collect(Collectors.toMap(e -> e.getName().toLowerCase(), e -> e));
        var fallback = defaultEnvironmentId == null
                ? null
                : environments.findById(defaultEnvironmentId).orElse(null);
        var candidates = format == ImportFormat.CSV
                ? ImportRows.fromCsv(content)
                : ImportRows.fromInventory(content, envs.keySet());
        if (candidates.size() > MAX_ROWS) {
            throw ImportLimitException.tooManyRows(); // the parsers stop there already
        }
        var existing = existingHostnames(candidates);
        var rows = new ArrayList<Row>();
        var valid = new ArrayList<Server>();
        var seen = new HashMap<String, Integer>();
        for (var c : candidates) {
            var hostname =
                    c.get("hostname") == null ? "" : c.get("hostname").trim().toLowerCase();
            if (c.problem() != null) {
                rows.add(new Row(c.line(), hostname, Outcome.REJECTED, c.problem()));
                continue;
            }
            var earlier = seen.putIfAbsent(hostname, c.line());
            if (!hostname.isEmpty() && earlier != null) {
                rows.add(new Row(c.line(), hostname, Outcome.DUPLICATE, "already listed on line " + earlier));
                continue;
            }
            if (existing.contains(hostname)) {
                rows.add(new Row(c.line(), hostname, Outcome.DUPLICATE, "a server with this hostname already exists"));
                continue;
            }
            try {
                var server = toServer(c, hostname, envs, fallback);
                validator.validate(server);
                valid.add(server);
                rows.add(new Row(c.line(), hostname, Outcome.NEW, null));
            } catch (InvalidInputException e) {
                rows.add(new Row(c.line(), hostname, Outcome.REJECTED, describe(e.fieldErrors())));
            }
        }
        return new Plan(rows, valid);
    }

    /** The file's hostnames that already exist, asked in chunks of 500 instead of once per row. */
    private java.util.Set<String> existingHostnames(List<ImportRows.Candidate> candidates) {
        var names = candidates.stream()
                .map(c -> c.get("hostname"))
                .filter(Objects::nonNull)
                .map(String::toLowerCase)
                .distinct()
                .toList();
        var existing = new java.util.HashSet<String>();
        for (int i = 0; i < names.size(); i += 500) {
            servers.findExistingHostnames(names.subList(i, Math.min(names.size(), i + 500)))
                    .forEach(h -> existing.add(h.toLowerCase()));
        }
        return existing;
    }

    private static Server toServer(
            ImportRows.Candidate c, String hostname, Map<String, Environment> envs, Environment fallback) {
        var errors = new HashMap<String, String>();
        var server = new Server();
        server.setHostname(hostname.isEmpty() ? null : hostname);
        server.setIpAddress(c.get("ip_address"));
        var port = c.get("ssh_port");
        if (port != null) {
            try {
                server.setSshPort(Integer.valueOf(port));
            } catch (NumberFormatException e) {
                errors.put("sshPort", "SSH port must be a whole number, not \"" + port + "\"");
            }
        }
        if (c.get("ssh_user") != null) {
            server.setSshUser(c.get("ssh_user"));
        }
        server.setOsType(c.get("os_type"));
        var envName = c.get("environment");
        if (envName == null) {
            server.setEnvironment(fallback);
            if (fallback == null) {
                errors.put("environment", "No environment given and no default environment chosen");
            }
        } else if (envs.containsKey(envName.toLowerCase())) {
            server.setEnvironment(envs.get(envName.toLowerCase()));
        } else {
            errors.put("environment", "Unknown environment \"" + envName + "\"");
        }
        var status = c.get("status");
        if (status != null) {
            try {
                server.setStatus(ServerStatus.fromDbValue(status.toLowerCase()));
            } catch (IllegalArgumentException e) {
                errors.put("status", "Status must be active, inactive or maintenance, not \"" + status + "\"");
            }
        }
        server.setLocation(c.get("location"));
        server.setDescription(c.get("description"));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return server;
    }

    private static String describe(Map<String, String> errors) {
        return errors.entrySet().stream()
                .map(e -> e.getKey().isEmpty()
                        ? e.getValue()
                        : e.getKey().replaceAll("([A-Z])", "_$1").toLowerCase() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
    }
}
