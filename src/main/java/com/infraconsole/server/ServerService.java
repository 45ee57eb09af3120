package com.infraconsole.server;

import com.infraconsole.base.ConstraintFields;
import com.infraconsole.base.EntityValidator;
import com.infraconsole.base.FreshRead;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.StaleDataException;
import com.infraconsole.credential.CredentialSummary;
import com.infraconsole.security.AdminOrOperator;
import com.infraconsole.security.CurrentUser;
import com.infraconsole.user.UserService;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
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
    private final UserService users;
    private final FreshRead freshRead;
    private final DefaultCredentials defaultCredentials;

    ServerService(
            ServerRepository servers,
            EnvironmentRepository environments,
            EntityValidator validator,
            UserService users,
            FreshRead freshRead,
            DefaultCredentials defaultCredentials) {
        this.servers = servers;
        this.environments = environments;
        this.validator = validator;
        this.users = users;
        this.freshRead = freshRead;
        this.defaultCredentials = defaultCredentials;
    }

    @Transactional(readOnly = true)
    public List<Server> list(ServerFilter filter, Pageable pageable) {
        return servers.findAll(filter.toSpecification(), pageable).getContent();
    }

    /**
     * A page of servers with the name of who created each: one query for the page and one for
     * the names of its creators, never one per row.
     */
    @Transactional(readOnly = true)
    public List<ServerRow> listRows(ServerFilter filter, Pageable pageable) {
        var page = list(filter, pageable);
        var ids =
                page.stream().map(Server::getCreatedBy).filter(Objects::nonNull).collect(Collectors.toSet());
        var names = users.usernames(ids);
        return page.stream()
                .map(s -> new ServerRow(s, s.getCreatedBy() == null ? null : names.get(s.getCreatedBy())))
                .toList();
    }

    @Transactional(readOnly = true)
    public long count(ServerFilter filter) {
        return servers.count(filter.toSpecification());
    }

    @Transactional(readOnly = true)
    public Optional<Server> get(long id) {
        return servers.findWithEnvironmentById(id);
    }

    /** Login credentials a server or an environment may name as its default (names and fingerprints only). */
    @Transactional(readOnly = true)
    @AdminOrOperator
    public List<CredentialSummary> credentialChoices() {
        return defaultCredentials.choices();
    }

    @Transactional(readOnly = true)
    public List<Environment> environments() {
        return environments.findAllByOrderByIdAsc();
    }

    /** Creates or updates a server; refuses invalid input, duplicates and stale edits. */
    @Transactional
    @AdminOrOperator
    public Server save(Server server) {
        normalize(server);
        validator.validate(server);
        var duplicate = server.isNew()
                ? servers.existsByHostnameIgnoreCase(server.getHostname())
                : servers.existsByHostnameIgnoreCaseAndIdNot(server.getHostname(), server.getId());
        if (duplicate) {
            throw duplicateHostname(server);
        }
        defaultCredentials.check(server.getCredentialId());
        var environment = server.getEnvironment();
        if (environment.getId() == null || !environments.existsById(environment.getId())) {
            throw environmentGone(environment);
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
            // Two people creating the same hostname at once, or an admin deleting the chosen
            // environment between our check and the write: the keys decide.
            throw ConstraintFields.of(e)
                    .on("uq_servers_hostname", () -> duplicateHostname(server))
                    .on("fk_servers_environment", () -> environmentGone(environment))
                    .orOriginal();
        }
    }

    @Transactional
    @AdminOrOperator
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
            throw InvalidInputException.of(
                    "",
                    "Server " + server.getHostname()
                            + " has jobs in its history and cannot be deleted; set its status to inactive instead.");
        }
    }

    private StaleDataException stale(Server server) {
        // After a failed write this transaction still sees the row as it read it (or as we changed
        // it): a new one sees who really saved it.
        return freshRead.call(() -> {
            var current = servers.findById(server.getId());
            return new StaleDataException(
                    "Server " + server.getHostname(),
                    current.map(Server::getUpdatedBy).orElse(null),
                    current.map(Server::getUpdatedAt).orElse(null));
        });
    }

    private static InvalidInputException environmentGone(Environment environment) {
        return InvalidInputException.of(
                "environment", "Environment " + environment.getName() + " no longer exists; choose another");
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
