package com.infraconsole.playbook;

import com.infraconsole.base.ConstraintFields;
import com.infraconsole.base.EntityValidator;
import com.infraconsole.base.FreshRead;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.StaleDataException;
import com.infraconsole.security.AdminOrOperator;
import com.infraconsole.security.CurrentUser;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ansible playbooks and their history. Everyone signed in may read them; admins and operators
 * may change them. Every save that changes something keeps a full copy as a numbered version.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class PlaybookService {

    private final PlaybookRepository playbooks;
    private final PlaybookVersionRepository versions;
    private final EntityValidator validator;
    private final Clock clock;
    private final FreshRead freshRead;

    PlaybookService(
            PlaybookRepository playbooks,
            PlaybookVersionRepository versions,
            EntityValidator validator,
            Clock clock,
            FreshRead freshRead) {
        this.playbooks = playbooks;
        this.versions = versions;
        this.validator = validator;
        this.clock = clock;
        this.freshRead = freshRead;
    }

    @Transactional(readOnly = true)
    public List<Playbook> list(PlaybookFilter filter, Pageable pageable) {
        return playbooks.findAll(filter.toSpecification(), pageable).getContent();
    }

    @Transactional(readOnly = true)
    public long count(PlaybookFilter filter) {
        return playbooks.count(filter.toSpecification());
    }

    @Transactional(readOnly = true)
    public Optional<Playbook> get(long id) {
        return playbooks.findById(id);
    }

    /** Creates or updates a playbook; refuses invalid input or YAML, duplicates and stale edits. */
    @Transactional
    @AdminOrOperator
    public Playbook save(Playbook playbook) {
        normalize(playbook);
        validator.validate(playbook);
        PlaybookYaml.problemWith(playbook.getContent()).ifPresent(p -> {
            throw InvalidInputException.of("content", p);
        });
        var duplicate = playbook.isNew()
                ? playbooks.existsByNameIgnoreCase(playbook.getName())
                : playbooks.existsByNameIgnoreCaseAndIdNot(playbook.getName(), playbook.getId());
        if (duplicate) {
            throw duplicateName(playbook);
        }
        var wasNew = playbook.isNew();
        if (wasNew) {
            playbook.setCreatedBy(
                    CurrentUser.get().map(p -> p.id()).filter(id -> id > 0).orElse(null));
        } else {
            var current = playbooks
                    .findById(playbook.getId())
                    .orElseThrow(() -> new StaleDataException("Playbook " + playbook.getName(), null, null));
            keepUntrackedOriginal(current);
        }
        Playbook saved;
        try {
            saved = playbooks.saveAndFlush(playbook);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw stale(playbook);
        } catch (DataIntegrityViolationException e) {
            // Two people creating the same name at once: the unique key decides.
            throw ConstraintFields.of(e)
                    .on("uq_playbooks_name", () -> duplicateName(playbook))
                    .orOriginal();
        }
        // Hibernate only bumps the version when something changed: an unchanged save adds no history.
        if (wasNew || saved.getVersion() != playbook.getVersion()) {
            versions.saveAndFlush(
                    new PlaybookVersion(saved, (int) saved.getVersion() + 1, saved.getUpdatedBy(), clock.instant()));
        }
        return saved;
    }

    /** Deletes a playbook and its history; refused while jobs or schedules refer to it. */
    @Transactional
    @AdminOrOperator
    public void delete(Playbook playbook) {
        var current = playbooks
                .findById(playbook.getId())
                .orElseThrow(() -> new StaleDataException("Playbook " + playbook.getName(), null, null));
        if (current.getVersion() != playbook.getVersion()) {
            throw stale(playbook);
        }
        try {
            playbooks.delete(current);
            playbooks.flush();
        } catch (DataIntegrityViolationException e) {
            // A job or schedule refers to it. The job module owns those tables, so the foreign key
            // answers, not a count in SQL across modules.
            throw inUse(current);
        }
    }

    /** The saved versions, newest first. */
    @Transactional(readOnly = true)
    public List<PlaybookVersionSummary> history(long playbookId) {
        return versions.summaries(playbookId);
    }

    @Transactional(readOnly = true)
    public Optional<PlaybookVersion> version(long playbookId, int versionNo) {
        return versions.findByPlaybookIdAndVersionNo(playbookId, versionNo);
    }

    /** Side-by-side rows from version {@code fromNo} (left) to version {@code toNo} (right). */
    @Transactional(readOnly = true)
    public List<LineDiff.Row> diff(long playbookId, int fromNo, int toNo) {
        var from = version(playbookId, fromNo)
                .orElseThrow(() -> InvalidInputException.of("from", "Version " + fromNo + " does not exist"));
        var to = version(playbookId, toNo)
                .orElseThrow(() -> InvalidInputException.of("to", "Version " + toNo + " does not exist"));
        return LineDiff.diff(from.getContent(), to.getContent());
    }

    /** A playbook written before history existed (seed data, SQL) gets its original kept on first edit. */
    private void keepUntrackedOriginal(Playbook current) {
        if (!versions.existsByPlaybookId(current.getId())) {
            var by = current.getUpdatedBy() == null ? "unknown" : current.getUpdatedBy();
            var at = current.getUpdatedAt() == null ? clock.instant() : current.getUpdatedAt();
            versions.saveAndFlush(new PlaybookVersion(current, (int) current.getVersion() + 1, by, at));
        }
    }

    private StaleDataException stale(Playbook playbook) {
        // After a failed write this transaction still sees the row as it read it (or as we changed
        // it): a new one sees who really saved it.
        return freshRead.call(() -> {
            var current = playbooks.findById(playbook.getId());
            return new StaleDataException(
                    "Playbook " + playbook.getName(),
                    current.map(Playbook::getUpdatedBy).orElse(null),
                    current.map(Playbook::getUpdatedAt).orElse(null));
        });
    }

    private static InvalidInputException inUse(Playbook playbook) {
        return InvalidInputException.of(
                "",
                "Playbook " + playbook.getName()
                        + " is used by jobs or schedules and cannot be deleted; their history needs it.");
    }

    private static InvalidInputException duplicateName(Playbook playbook) {
        return InvalidInputException.of("name", "A playbook named " + playbook.getName() + " already exists");
    }

    private static void normalize(Playbook p) {
        p.setName(
                p.getName() == null || p.getName().isBlank()
                        ? null
                        : p.getName().trim());
        p.setDescription(
                p.getDescription() == null || p.getDescription().isBlank()
                        ? null
                        : p.getDescription().trim());
        if (p.getContent() != null) {
            p.setContent(p.getContent().replace("\r\n", "\n"));
        }
    }
}
