package com.infraconsole.credential;

import com.infraconsole.base.FreshRead;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.base.StaleDataException;
import com.infraconsole.security.AdminOnly;
import com.infraconsole.security.AdminOrOperator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credentials: ADMIN creates, changes and deletes them; ADMIN and OPERATOR list them to pick one;
 * AUDITOR neither sees nor uses them. No method returns a secret: once saved, it only leaves the
 * store sealed, or through {@link CredentialUnlocker} into a job's sandbox.
 */
@Service
@AdminOnly
public class CredentialService {

    static final int MAX_SECRET = 16_384;
    private final CredentialRepository credentials;
    private final SecretBox box;
    private final FreshRead freshRead;

    CredentialService(CredentialRepository credentials, SecretBox box, FreshRead freshRead) {
        this.credentials = credentials;
        this.box = box;
        this.freshRead = freshRead;
    }

    @Transactional(readOnly = true)
    @AdminOrOperator
    public List<CredentialSummary> list(Pageable pageable) {
        return credentials.findAll(pageable).map(Credential::summary).getContent();
    }

    /** Every credential, by name, for a picker. */
    @Transactional(readOnly = true)
    @AdminOrOperator
    public List<CredentialSummary> choices() {
        return credentials.findAllByOrderByNameAsc().stream()
                .map(Credential::summary)
                .toList();
    }

    @Transactional(readOnly = true)
    @AdminOrOperator
    public Optional<CredentialSummary> get(long id) {
        return credentials.findById(id).map(Credential::summary);
    }

    @Transactional
    public CredentialSummary create(CredentialDraft draft) {
        var kind = draft.kind();
        var errors = check(draft, true, null);
        var credential = new Credential(trim(draft.name()), kind);
        credential.setUsername(blankToNull(draft.username()));
        credential.setDescription(blankToNull(draft.description()));
        setSecret(credential, draft, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return save(credential).summary();
    }

    /** Changes name, user, description and, when a new one is typed, the secret. The kind stays. */
    @Transactional
    public CredentialSummary update(long id, long version, CredentialDraft given) {
        var credential = current(id, version, given.name());
        var draft = given.kind() != null
                ? given
                : new CredentialDraft(
                        given.name(),
                        credential.getKind(),
                        given.username(),
                        given.description(),
                        given.secret(),
                        given.passphrase());
        var errors = check(draft, false, id);
        if (draft.kind() != null && draft.kind() != credential.getKind()) {
            errors.put("kind", "The type of a saved credential cannot change; create a new one");
        }
        credential.setName(trim(draft.name()));
        credential.setUsername(blankToNull(draft.username()));
        credential.setDescription(blankToNull(draft.description()));
        if (draft.secret() != null && !draft.secret().isBlank()) {
            setSecret(
                    credential,
                    new CredentialDraft(
                            draft.name(),
                            credential.getKind(),
                            draft.username(),
                            draft.description(),
                            draft.secret(),
                            draft.passphrase()),
                    errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return save(credential).summary();
    }

    /** Deletes a credential no server or environment names as its default. */
    @Transactional
    public void delete(long id, long version) {
        var credential = current(id, version, "Credential " + id);
        try {
            credentials.delete(credential);
            credentials.flush();
        } catch (DataIntegrityViolationException e) {
            throw InvalidInputException.of(
                    "",
                    "Credential " + credential.getName()
                            + " is the default of a server or an environment; choose another default there first.");
        }
    }

    private LinkedHashMap<String, String> check(CredentialDraft draft, boolean creating, Long id) {
        var errors = new LinkedHashMap<String, String>();
        var name = trim(draft.name());
        if (name == null || name.isEmpty()) {
            errors.put("name", "Name is required");
        } else if (name.length() > 100) {
            errors.put("name", "Name must be at most 100 characters");
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            errors.put("name", "Name must not contain control characters");
        } else if (creating
                ? credentials.existsByNameIgnoreCase(name)
                : credentials.existsByNameIgnoreCaseAndIdNot(name, id)) {
            errors.put("name", "A credential named " + name + " already exists");
        }
        if (draft.kind() == null) {
            errors.put("kind", "Choose a type");
        }
        var user = blankToNull(draft.username());
        if (user != null && (user.length() > 100 || !user.matches("[A-Za-z0-9._@-]+"))) {
            errors.put("username", "A user name of letters, digits, dot, dash, underscore and @, at most 100");
        }
        if (draft.description() != null && draft.description().strip().length() > 255) {
            errors.put("description", "Description must be at most 255 characters");
        }
        if (creating && (draft.secret() == null || draft.secret().isEmpty())) {
            errors.put(
                    "secret", draft.kind() == CredentialKind.SSH_KEY ? "Paste the private key" : "Type the password");
        } else if (draft.secret() != null && draft.secret().length() > MAX_SECRET) {
            errors.put("secret", "At most " + MAX_SECRET + " characters");
        } else if (draft.secret() != null
                && draft.kind() != CredentialKind.SSH_KEY
                && draft.secret().contains("\n")) {
            errors.put("secret", "A password is one line");
        }
        return errors;
    }

    /** Seals the secret under the current master key; a key must open with its passphrase. */
    private void setSecret(Credential credential, CredentialDraft draft, LinkedHashMap<String, String> errors) {
        if (errors.containsKey("secret") || draft.kind() == null) {
            return;
        }
        String passphrase = null;
        if (draft.kind() == CredentialKind.SSH_KEY) {
            passphrase = draft.passphrase() == null || draft.passphrase().isEmpty() ? null : draft.passphrase();
            try {
                var part = SshKeys.publicPart(draft.secret(), passphrase);
                credential.setPublicPart(part.publicKey(), part.fingerprint());
            } catch (IllegalArgumentException e) {
                var why = e.getMessage();
                errors.put(
                        why.contains("passphrase") ? "passphrase" : "secret",
                        why.contains("passphrase")
                                ? "The passphrase does not open this key"
                                : "Not an OpenSSH or PEM private key (" + why + ")");
                return;
            }
        }
        var keyId = box.currentKeyId();
        credential.seal(keyId, box.seal(keyId, "secret", draft.secret()), box.seal(keyId, "passphrase", passphrase));
    }

    private Credential save(Credential credential) {
        try {
            return credentials.saveAndFlush(credential);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw stale(credential.getId(), credential.getName());
        } catch (DataIntegrityViolationException e) {
            if (String.valueOf(e.getMostSpecificCause().getMessage()).contains("uq_credentials_name")) {
                throw InvalidInputException.of(
                        "name", "A credential named " + credential.getName() + " already exists");
            }
            throw e;
        }
    }

    private Credential current(long id, long version, String label) {
        var credential = credentials.findById(id).orElseThrow(() -> new StaleDataException(label, null, null));
        if (credential.getVersion() != version) {
            throw stale(id, credential.getName());
        }
        return credential;
    }

    private StaleDataException stale(Long id, String name) {
        return freshRead.call(() -> {
            var now = id == null ? Optional.<Credential>empty() : credentials.findById(id);
            return new StaleDataException(
                    "Credential " + name,
                    now.map(Credential::getUpdatedBy).orElse(null),
                    now.map(Credential::getUpdatedAt).orElse(null));
        });
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
