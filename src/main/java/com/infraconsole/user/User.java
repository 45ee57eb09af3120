package com.infraconsole.user;

import com.infraconsole.base.EditableEntity;
import com.infraconsole.base.audit.AuditIgnored;
import com.infraconsole.base.audit.AuditMasked;
import com.infraconsole.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

@Entity
@Table(name = "users")
public class User extends EditableEntity {

    @NotBlank(message = "Username is required")
    @Size(min = 3, max = 80, message = "Username must be 3 to 80 characters")
    @Pattern(
            regexp = "[A-Za-z0-9._-]*",
            message = "Username may contain letters, digits, dot, dash and underscore only")
    @Column(nullable = false, length = 80, unique = true)
    private String username;

    @NotBlank(message = "Email is required")
    @Email(message = "Enter a valid email address")
    @Size(max = 120, message = "Email must be at most 120 characters")
    @Column(nullable = false, length = 120, unique = true)
    private String email;

    @AuditMasked
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @NotNull(message = "Role is required")
    @Convert(converter = RoleConverter.class)
    @Column(nullable = false, length = 20)
    private Role role = Role.OPERATOR;

    @Column(name = "is_active", nullable = false)
    private boolean active = true;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @AuditIgnored
    @Column(name = "failed_login_attempts", nullable = false)
    private int failedLoginAttempts;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @AuditIgnored
    @Column(name = "last_login")
    private Instant lastLogin;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    /** Signs in with API tokens only; the login form refuses it. */
    @Column(name = "service_account", nullable = false)
    private boolean serviceAccount;

    protected User() {}

    public User(String username, String email, Role role) {
        this.username = username;
        this.email = email;
        this.role = role;
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash, Instant changedAt) {
        this.passwordHash = passwordHash;
        this.passwordChangedAt = changedAt;
    }

    /** The same password under a stronger hash (an old werkzeug hash at first login): not a password change. */
    void rehashPassword(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    void setMustChangePassword(boolean mustChangePassword) {
        this.mustChangePassword = mustChangePassword;
    }

    public int getFailedLoginAttempts() {
        return failedLoginAttempts;
    }

    void setFailedLoginAttempts(int failedLoginAttempts) {
        this.failedLoginAttempts = failedLoginAttempts;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    void setLockedUntil(Instant lockedUntil) {
        this.lockedUntil = lockedUntil;
    }

    public Instant getLastLogin() {
        return lastLogin;
    }

    void setLastLogin(Instant lastLogin) {
        this.lastLogin = lastLogin;
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    public boolean isServiceAccount() {
        return serviceAccount;
    }

    void markServiceAccount() {
        this.serviceAccount = true;
    }
}
