package com.infraconsole.server;

import com.infraconsole.base.EditableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Entity
@Table(name = "servers")
public class Server extends EditableEntity {

    /** The credential a job logs in with when the launch names none (a server's own wins over its environment's). */
    @Column(name = "credential_id")
    private Long credentialId;

    /** RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens. */
    public static final String HOSTNAME_PATTERN =
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*";

    @NotBlank(message = "Hostname is required")
    @Size(max = 253, message = "Hostname must be at most 253 characters")
    @Pattern(regexp = HOSTNAME_PATTERN, message = "Use letters, digits, hyphens and dots, like web-01.example.com")
    @Column(nullable = false, unique = true)
    private String hostname;

    @NotBlank(message = "IP address is required")
    @IpAddress
    @Column(name = "ip_address", nullable = false, length = 45)
    private String ipAddress;

    @NotNull(message = "SSH port is required")
    @Min(value = 1, message = "Port must be between 1 and 65535")
    @Max(value = 65535, message = "Port must be between 1 and 65535")
    @Column(name = "ssh_port", nullable = false)
    private Integer sshPort = 22;

    @NotBlank(message = "SSH user is required")
    @Size(max = 64, message = "SSH user must be at most 64 characters")
    @Pattern(regexp = "[a-z_][a-z0-9_.-]*\\$?", message = "Use a Unix user name such as deploy or ansible")
    @Column(name = "ssh_user", nullable = false, length = 64)
    private String sshUser = "root";

    @Size(max = 50, message = "OS must be at most 50 characters")
    @Column(name = "os_type", length = 50)
    private String osType;

    @NotNull(message = "Choose an environment")
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "environment_id", nullable = false)
    private Environment environment;

    @NotNull(message = "Choose a status")
    @Column(nullable = false, length = 20)
    private ServerStatus status = ServerStatus.ACTIVE;

    @Size(max = 100, message = "Location must be at most 100 characters")
    @Column(length = 100)
    private String location;

    @Size(max = 10000, message = "Description must be at most 10,000 characters")
    @Column(columnDefinition = "text")
    private String description;

    /** The user who created the server; kept as an id so that the server feature needs no user entity. */
    @Column(name = "created_by", updatable = false)
    private Long createdBy;

    public Server() {}

    public String getHostname() {
        return hostname;
    }

    public void setHostname(String hostname) {
        this.hostname = hostname;
    }

    public String getIpAddress() {
        return ipAddress;
    }

    public void setIpAddress(String ipAddress) {
        this.ipAddress = ipAddress;
    }

    public Integer getSshPort() {
        return sshPort;
    }

    public void setSshPort(Integer sshPort) {
        this.sshPort = sshPort;
    }

    public String getSshUser() {
        return sshUser;
    }

    public void setSshUser(String sshUser) {
        this.sshUser = sshUser;
    }

    public String getOsType() {
        return osType;
    }

    public void setOsType(String osType) {
        this.osType = osType;
    }

    public Environment getEnvironment() {
        return environment;
    }

    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    public ServerStatus getStatus() {
        return status;
    }

    public void setStatus(ServerStatus status) {
        this.status = status;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Long getCreatedBy() {
        return createdBy;
    }

    void setCreatedBy(Long createdBy) {
        this.createdBy = createdBy;
    }

    public Long getCredentialId() {
        return credentialId;
    }

    public void setCredentialId(Long credentialId) {
        this.credentialId = credentialId;
    }
}
