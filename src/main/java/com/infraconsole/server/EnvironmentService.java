package com.infraconsole.server;

import com.infraconsole.base.ConstraintFields;
import com.infraconsole.base.EntityValidator;
import com.infraconsole.base.FreshRead;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.StaleDataException;
import com.infraconsole.security.AdminOnly;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Environments servers belong to. Everyone signed in may read them; only admins change them. */
@Service
@PreAuthorize("isAuthenticated()")
public class EnvironmentService {

    private final EnvironmentRepository environments;
    private final ServerRepository servers;
    private final EntityValidator validator;
    private final FreshRead freshRead;
    private final DefaultCredentials defaultCredentials;

    EnvironmentService(
            EnvironmentRepository environments,
            ServerRepository servers,
            EntityValidator validator,
            FreshRead freshRead,
            DefaultCredentials defaultCredentials) {
        this.environments = environments;
        this.servers = servers;
        this.validator = validator;
        this.freshRead = freshRead;
        this.defaultCredentials = defaultCredentials;
    }

    @Transactional(readOnly = true)
    public List<EnvironmentUsage> list(Pageable pageable) {
        return environments.findUsage(pageable).getContent();
    }

    /** Login credentials an environment may name as its servers' default. */
    @Transactional(readOnly = true)
    @AdminOnly
    public List<com.infraconsole.credential.CredentialSummary> credentialChoices() {
        return defaultCredentials.choices();
    }

    @Transactional(readOnly = true)
    public List<Environment> all() {
        return environments.findAllByOrderByIdAsc();
    }

    @Transactional(readOnly = true)
    public Optional<Environment> get(long id) {
        return environments.findById(id);
    }

    @Transactional(readOnly = true)
    public long serverCount(Environment environment) {
        return servers.countByEnvironment(environment);
    }

    /** Creates, renames or re-describes an environment; refuses invalid input, duplicates and stale edits. */
    @Transactional
    @AdminOnly
    public Environment save(Environment environment) {
        environment.setName(
                environment.getName() == null
                        ? null
                        : environment.getName().trim().toLowerCase());
        var description = environment.getDescription();
        environment.setDescription(description == null || description.isBlank() ? null : description.trim());
        validator.validate(environment);
        var duplicate = environment.isNew()
                ? environments.existsByNameIgnoreCase(environment.getName())
                : environments.existsByNameIgnoreCaseAndIdNot(environment.getName(), environment.getId());
        if (duplicate) {
            throw duplicateName(environment);
        }
        defaultCredentials.check(environment.getCredentialId());
        if (!environment.isNew() && !environments.existsById(environment.getId())) {
            throw new StaleDataException("Environment " + environment.getName(), null, null);
        }
        try {
            return environments.saveAndFlush(environment);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw stale(environment);
        } catch (DataIntegrityViolationException e) {
            // Two admins creating the same name at once: the unique key decides.
            throw ConstraintFields.of(e)
                    .on("uq_environments_name", () -> duplicateName(environment))
                    .orOriginal();
        }
    }

    /** Deletes an environment no server uses; otherwise says how many servers are in it. */
    @Transactional
    @AdminOnly
    public void delete(Environment environment) {
        var current = environments
                .findById(environment.getId())
                .orElseThrow(() -> new StaleDataException("Environment " + environment.getName(), null, null));
        if (current.getVersion() != environment.getVersion()) {
            throw stale(environment);
        }
        var inUse = servers.countByEnvironment(current);
        if (inUse > 0) {
            throw inUse(current, inUse);
        }
        try {
            environments.delete(current);
            environments.flush();
        } catch (DataIntegrityViolationException e) {
            // A server was added to it between our count and the delete: the foreign key refuses.
            throw inUse(current, servers.countByEnvironment(current));
        }
    }

    private static InvalidInputException inUse(Environment environment, long count) {
        return InvalidInputException.of(
                "",
                "Environment " + environment.getName() + " is used by " + count + (count == 1 ? " server" : " servers")
                        + "; move or delete them first.");
    }

    private StaleDataException stale(Environment environment) {
        // After a failed write this transaction still sees the row as it read it (or as we changed
        // it): a new one sees who really saved it.
        return freshRead.call(() -> {
            var current = environments.findById(environment.getId());
            return new StaleDataException(
                    "Environment " + environment.getName(),
                    current.map(Environment::getUpdatedBy).orElse(null),
                    current.map(Environment::getUpdatedAt).orElse(null));
        });
    }

    private static InvalidInputException duplicateName(Environment environment) {
        return InvalidInputException.of("name", "An environment named " + environment.getName() + " already exists");
    }
}
