package com.infraconsole.api;

import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.StaleDataException;
import com.infraconsole.server.Server;
import com.infraconsole.server.ServerFilter;
import com.infraconsole.server.ServerService;
import com.infraconsole.server.ServerStatus;
import java.net.URI;
import java.util.Arrays;
import java.util.NoSuchElementException;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** /api/v1/servers, through ServerService: the inventory screen's rules, validation and audit rows. */
@RestController
@RequestMapping("/api/v1/servers")
class ServerApi {

    /** A server as the API shows and takes it; {@code environment} by name, {@code status} in lower case. */
    record ServerJson(
            Long id,
            String hostname,
            String ipAddress,
            Integer sshPort,
            String sshUser,
            String environment,
            String status,
            String location,
            String description,
            Long version) {

        static ServerJson of(Server s) {
            return new ServerJson(
                    s.getId(),
                    s.getHostname(),
                    s.getIpAddress(),
                    s.getSshPort(),
                    s.getSshUser(),
                    s.getEnvironment() == null ? null : s.getEnvironment().getName(),
                    s.getStatus() == null ? null : s.getStatus().dbValue(),
                    s.getLocation(),
                    s.getDescription(),
                    s.getVersion());
        }
    }

    private final ServerService servers;

    ServerApi(ServerService servers) {
        this.servers = servers;
    }

    @GetMapping
    Paging.Page<ServerJson> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        var filter = new ServerFilter(q, null, status == null ? null : status(status));
        var request = Paging.of(page, size, Sort.by("hostname"));
        return new Paging.Page<>(
                servers.list(filter, request).stream().map(ServerJson::of).toList(),
                request.getPageNumber(),
                request.getPageSize(),
                servers.count(filter));
    }

    @GetMapping("/{id}")
    ResponseEntity<ServerJson> get(@PathVariable long id) {
        var server = find(id);
        return ETags.ok(server.getVersion(), ServerJson.of(server));
    }

    @PostMapping
    ResponseEntity<ServerJson> create(@RequestBody ServerJson body) {
        var server = new Server();
        server.setStatus(ServerStatus.ACTIVE);
        apply(body, server);
        var saved = find(servers.save(server).getId());
        return ResponseEntity.created(URI.create("/api/v1/servers/" + saved.getId()))
                .eTag(ETags.of(saved.getVersion()))
                .body(ServerJson.of(saved));
    }

    @PutMapping("/{id}")
    ResponseEntity<ServerJson> update(
            @PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody ServerJson body) {
        var expected = ETags.required(ifMatch);
        var server = find(id);
        refuseStale(server, expected);
        apply(body, server);
        // Read back with its environment: the saved copy holds only a reference to it.
        var saved = find(servers.save(server).getId());
        return ETags.ok(saved.getVersion(), ServerJson.of(saved));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        var expected = ETags.required(ifMatch);
        var server = find(id);
        refuseStale(server, expected);
        servers.delete(server);
        return ResponseEntity.noContent().build();
    }

    private Server find(long id) {
        return servers.get(id).orElseThrow(() -> new NoSuchElementException("No server " + id));
    }

    /** The service also checks the version when it writes; this refuses before any change is applied. */
    private static void refuseStale(Server server, long expected) {
        if (server.getVersion() != expected) {
            throw new StaleDataException(
                    "Server " + server.getHostname(), server.getUpdatedBy(), server.getUpdatedAt());
        }
    }

    /** PUT replaces every field named here; a missing field becomes empty, as in the form. */
    private void apply(ServerJson body, Server server) {
        server.setHostname(body.hostname());
        server.setIpAddress(body.ipAddress());
        server.setSshPort(body.sshPort() == null ? 22 : body.sshPort());
        server.setSshUser(body.sshUser());
        server.setLocation(body.location());
        server.setDescription(body.description());
        if (body.status() != null) {
            server.setStatus(status(body.status()));
        }
        server.setEnvironment(
                body.environment() == null || body.environment().isBlank()
                        ? null
                        : servers.environments().stream()
                                .filter(e -> e.getName()
                                        .equalsIgnoreCase(body.environment().trim()))
                                .findFirst()
                                .orElseThrow(() -> InvalidInputException.of(
                                        "environment", "No environment named " + body.environment())));
    }

    static ServerStatus status(String value) {
        return Arrays.stream(ServerStatus.values())
                .filter(s -> s.dbValue().equalsIgnoreCase(value.trim()))
                .findFirst()
                .orElseThrow(
                        () -> InvalidInputException.of("status", "Status is one of active, inactive, maintenance"));
    }
}
