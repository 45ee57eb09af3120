package com.infraconsole.server;

import com.infraconsole.base.EntityValidator;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.StaleDataException;
import com.infraconsole.security.CurrentUser;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The server inventory. Everyone signed in may read it; admins and operators may change it. */
@Service
@PreAuthorize("isAuthenticated()")
public class ServerService {

    private final ServerRepository servers;
    private final EnvironmentRepository environments;
    private final EntityValidator validator;

    ServerService(ServerRepository servers, EnvironmentRepository environments, EntityValidator validator) {
        this.servers = servers;
        this.environments = environments;
        this.validator = validator;
    }

    @Transactional(readOnly = true)
    public List<Server> list(ServerFilter filter, Pageable pageable) {
        return servers.findAll(filter.toSpecification(), pageable).getContent();
    }

    @Transactional(readOnly = true)
    public long count(ServerFilter filter) {
        return servers.count(filter.toSpecification());
    }

    @Transactional(readOnly = true)
    public Optional<Server> get(long id) {
        return servers.findWithEnvironmentById(id);
    }

    @Transactional(readOnly = true)
    public List<Environment> environments() {
        return environments.findAllByOrderByIdAsc();
    }

    /** Creates or updates a server; refuses invalid input, duplicates and stale edits. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    public Server save(Server server) {
        normalize(server);
        validator.validate(server);
        var duplicate = server.isNew()
                ? servers.existsByHostnameIgnoreCase(server.getHostname())
                : servers.existsByHostnameIgnoreCaseAndIdNot(server.getHostname(), server.getId());
        if (duplicate) {
            throw duplicateHostname(server);
        }
        if (server.isNew()) {
            server.setCreatedBy(CurrentUser.accountId().orElse(null));
        } else if (!servers.existsById(server.getId())) {
            throw new StaleDataException("Server " + server.getHostname(), null, null);
        }
        try {
            return servers.saveAndFlush(server);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw stale(server);
        } catch (DataIntegrityViolationException e) {
            // Two people creating the same hostname at once: the unique key decides.
            if (String.valueOf(e.getMostSpecificCause().getMessage()).contains("uq_servers_hostname")) {
                throw duplicateHostname(server);
            }
            throw e;
        }
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    public void delete(Server server) {
        var current = servers.findById(server.getId())
                .orElseThrow(() -> new StaleDataException("Server " + server.getHostname(), null, null));
        if (current.getVersion() != server.getVersion()) {
            throw stale(server);
        }
        try {
            servers.delete(current);
            servers.flush();
        } catch (DataIntegrityViolationException e) {
            throw InvalidInputException.of("", "Server " + server.getHostname()
                    + " has jobs in its history and cannot be deleted; set its status to inactive instead.");
        }
    }

    private StaleDataException stale(Server server) {
        var current = servers.findById(server.getId());
        return new StaleDataException("Server " + server.getHostname(),
                current.map(Server::getUpdatedBy).orElse(null), current.map(Server::getUpdatedAt).orElse(null));
    }

    private static InvalidInputException duplicateHostname(Server server) {
        return InvalidInputException.of("hostname", "A server named " + server.getHostname() + " already exists");
    }

    private static void normalize(Server s) {
        s.setHostname(trimToNull(s.getHostname()));
        s.setIpAddress(trimToNull(s.getIpAddress()));
        s.setSshUser(trimToNull(s.getSshUser()));
        s.setOsType(trimToNull(s.getOsType()));
        s.setLocation(trimToNull(s.getLocation()));
        s.setDescription(trimToNull(s.getDescription()));
        if (s.getHostname() != null) {
            s.setHostname(s.getHostname().toLowerCase());
        }
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
