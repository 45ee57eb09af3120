package com.infraconsole.cli;

import com.infraconsole.server.ServerStatus;
import java.util.List;

/** The servers and tickets {@code seed-data} loads; addresses are private (RFC 1918) or documentation (RFC 3849) ones. */
final class SampleInventory {

    record Host(String hostname, String ip, String os, String environment, ServerStatus status, String location,
            String sshUser, String description) {}

    /** {@code sampleJob}: index of the {@link SampleJobs} run the ticket is about (its server too), or null. */
    record Ticket(String title, String priority, String status, String hostname, Integer sampleJob, int ageDays,
            String description) {}

    private SampleInventory() {}

    private static final ServerStatus UP = ServerStatus.ACTIVE;
    private static final String DUB = "Dublin, eu-west-1a";
    private static final String FRA = "Frankfurt, eu-central-1b";
    private static final String LAB = "Office lab rack 2";

    static final List<Host> HOSTS = List.of(
            new Host("web-01.prod.infra.internal", "10.20.1.11", "Ubuntu 22.04 LTS", "production", UP, DUB, "ansible", "Public web frontend"),
            new Host("web-02.prod.infra.internal", "10.20.1.12", "Ubuntu 22.04 LTS", "production", UP, DUB, "ansible", "Public web frontend"),
            new Host("web-03.prod.infra.internal", "2001:db8:20:1::13", "Ubuntu 22.04 LTS", "production", UP, FRA, "ansible", "Public web frontend, IPv6-only"),
            new Host("api-01.prod.infra.internal", "10.20.2.21", "Debian 12", "production", UP, DUB, "ansible", "REST API (Java 21)"),
            new Host("api-02.prod.infra.internal", "10.20.2.22", "Debian 12", "production", UP, FRA, "ansible", "REST API (Java 21)"),
            new Host("db-01.prod.infra.internal", "10.20.3.31", "Rocky Linux 9.3", "production", UP, DUB, "ansible", "MySQL 8 primary"),
            new Host("db-02.prod.infra.internal", "10.20.3.32", "Rocky Linux 9.3", "production", ServerStatus.MAINTENANCE, FRA, "ansible", "MySQL 8 replica; disk replacement"),
            new Host("cache-01.prod.infra.internal", "10.20.4.41", "Debian 12", "production", UP, DUB, "ansible", "Redis 7"),
            new Host("lb-01.prod.infra.internal", "2001:db8:20:5::51", "Debian 12", "production", UP, DUB, "ansible", "HAProxy load balancer"),
            new Host("mon-01.prod.infra.internal", "10.20.9.91", "Ubuntu 24.04 LTS", "production", UP, FRA, "ansible", "Prometheus and Grafana"),
            new Host("web-01.stg.infra.internal", "10.30.1.11", "Ubuntu 22.04 LTS", "staging", UP, DUB, "deploy", null),
            new Host("api-01.stg.infra.internal", "10.30.2.21", "Debian 12", "staging", UP, DUB, "deploy", null),
            new Host("db-01.stg.infra.internal", "10.30.3.31", "Rocky Linux 9.3", "staging", UP, DUB, "deploy", "MySQL 8, restored nightly from production"),
            new Host("cache-01.stg.infra.internal", "2001:db8:30:4::41", "Debian 12", "staging", UP, DUB, "deploy", null),
            new Host("worker-01.stg.infra.internal", "10.30.6.61", "Ubuntu 22.04 LTS", "staging", UP, DUB, "deploy", "Background jobs"),
            new Host("worker-02.stg.infra.internal", "10.30.6.62", "Ubuntu 22.04 LTS", "staging", ServerStatus.INACTIVE, DUB, "deploy", "Scaled down"),
            new Host("lb-01.stg.infra.internal", "10.30.5.51", "Debian 12", "staging", UP, DUB, "deploy", null),
            new Host("ci-runner-01.stg.infra.internal", "10.30.7.71", "Ubuntu 24.04 LTS", "staging", ServerStatus.MAINTENANCE, DUB, "deploy", "GitLab runner; kernel upgrade pending"),
            new Host("web-01.dev.infra.internal", "192.168.50.11", "Ubuntu 24.04 LTS", "development", UP, LAB, "vagrant", null),
            new Host("api-01.dev.infra.internal", "192.168.50.21", "Debian 12", "development", UP, LAB, "vagrant", null),
            new Host("db-01.dev.infra.internal", "192.168.50.31", "Debian 12", "development", UP, LAB, "vagrant", "MariaDB 10.11"),
            new Host("build-01.dev.infra.internal", "192.168.50.41", "Debian 12", "development", UP, LAB, "vagrant", "Maven and npm build cache"),
            new Host("sandbox-01.dev.infra.internal", "192.168.50.101", "Fedora 40", "development", ServerStatus.INACTIVE, LAB, "vagrant", "Playground, powered off"),
            new Host("sandbox-02.dev.infra.internal", "2001:db8:50::102", "Ubuntu 24.04 LTS", "development", UP, LAB, "vagrant", "Playground"),
            new Host("legacy-app-01.dev.infra.internal", "192.168.50.120", "CentOS 7.9", "development", ServerStatus.INACTIVE, LAB, "root", "End of life; to be decommissioned"));

    static final List<Ticket> TICKETS = List.of(
            new Ticket("Disk usage above 90% on the production replica", "high", "in_progress", "db-02.prod.infra.internal", null, 3,
                    "/var/lib/mysql reached 91%. Replica put in maintenance while the failing disk is replaced."),
            new Ticket("nginx deployment failed: service did not start", "high", "open", null, 5, 2,
                    "The deploy-nginx run failed at 'Enable and start nginx'. Check `journalctl -u nginx` for a port conflict."),
            new Ticket("Renew the TLS certificate of the public API before it expires", "critical", "open", "lb-01.prod.infra.internal", null, 1,
                    "The certificate served by the load balancer expires in 9 days."),
            new Ticket("apt upgrade timed out on staging", "high", "in_progress", null, 12, 6,
                    "The run exceeded its time limit during 'Upgrade all packages'. Probably a slow mirror."),
            new Ticket("Kernel packages held back by apt upgrade", "medium", "resolved", "ci-runner-01.stg.infra.internal", 24, 12,
                    "linux-image-generic was kept back; upgraded with a full dist-upgrade and rebooted."),
            new Ticket("Create accounts for the two new SREs", "low", "closed", "web-01.prod.infra.internal", 40, 20,
                    "alice and bob added to the ops group with their SSH keys."),
            new Ticket("Intermittent SSH timeouts to worker-02", "medium", "open", "worker-02.stg.infra.internal", 18, 9,
                    "Ping playbook fails about once a day with 'Connection timed out'."),
            new Ticket("Decommission legacy-app-01 (CentOS 7 end of life)", "medium", "in_progress", "legacy-app-01.dev.infra.internal", null, 25,
                    "Move the remaining cron jobs to build-01, then power off and remove from the inventory."),
            new Ticket("Old compressed logs not removed on the API servers", "low", "resolved", "api-01.prod.infra.internal", 30, 15,
                    "The find task used the wrong age unit; fixed in the rotate-logs playbook."),
            new Ticket("Enable performance_schema on the staging database for index review", "low", "open", "db-01.stg.infra.internal", null, 4,
                    "Needed to list unused indexes before the next schema change."));
}
