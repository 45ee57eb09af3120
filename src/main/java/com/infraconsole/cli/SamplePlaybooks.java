package com.infraconsole.cli;

import java.util.List;

/**
 * The playbooks {@code seed-data} loads: real, valid Ansible (checked with
 * {@code ansible-playbook --syntax-check}), plus what their runs print, so that the sample job
 * logs read like the output of these very playbooks.
 */
final class SamplePlaybooks {

    /** A task as ansible-playbook names it; {@code changes} when it reports "changed" on a normal run. */
    record Task(String name, boolean changes) {}

    /** {@code failingTask} is where a failed run stops, with {@code failure} as ansible's message. */
    record Playbook(
            String name,
            String description,
            String play,
            List<Task> tasks,
            int failingTask,
            String failure,
            int minSeconds,
            int maxSeconds,
            String yaml) {}

    private SamplePlaybooks() {}

    static final List<Playbook> ALL = List.of(
            new Playbook(
                    "ping-all-hosts",
                    "Checks that every host answers over SSH and has a usable Python.",
                    "Check connectivity",
                    List.of(new Task("Gathering Facts", false), new Task("Ping", false)),
                    0,
                    "Failed to connect to the host via ssh: ssh: connect to host %s port 22: Connection timed out",
                    3,
                    12,
                    """
                    ---
                    - name: Check connectivity
                      hosts: all
                      gather_facts: true
                      tasks:
                        - name: Ping
                          ansible.builtin.ping:
                    """),
            new Playbook(
                    "apt-upgrade",
                    "Refreshes the apt cache and applies all pending upgrades on Debian and Ubuntu hosts.",
                    "Upgrade packages",
                    List.of(
                            new Task("Gathering Facts", false),
                            new Task("Update apt cache", true),
                            new Task("Upgrade all packages", true),
                            new Task("Check whether a reboot is required", false),
                            new Task("Report reboot requirement", false)),
                    2,
                    "Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 2314 (unattended-upgr)",
                    60,
                    420,
                    """
                    ---
                    - name: Upgrade packages
                      hosts: all
                      become: true
                      tasks:
                        - name: Update apt cache
                          ansible.builtin.apt:
                            update_cache: true
                            cache_valid_time: 3600
                        - name: Upgrade all packages
                          ansible.builtin.apt:
                            upgrade: dist
                            autoremove: true
                        - name: Check whether a reboot is required
                          ansible.builtin.stat:
                            path: /var/run/reboot-required
                          register: reboot_required
                        - name: Report reboot requirement
                          ansible.builtin.debug:
                            msg: "Reboot required: {{ reboot_required.stat.exists }}"
                    """),
            new Playbook(
                    "deploy-nginx",
                    "Installs nginx, deploys the site configuration and makes sure the service runs.",
                    "Deploy nginx",
                    List.of(
                            new Task("Gathering Facts", false),
                            new Task("Install nginx", true),
                            new Task("Deploy site configuration", true),
                            new Task("Enable and start nginx", true)),
                    3,
                    "Unable to start service nginx: Job for nginx.service failed because the control process exited with error code.",
                    25,
                    110,
                    """
                    ---
                    - name: Deploy nginx
                      hosts: all
                      become: true
                      vars:
                        server_name: "{{ inventory_hostname }}"
                      tasks:
                        - name: Install nginx
                          ansible.builtin.apt:
                            name: nginx
                            state: present
                            update_cache: true
                        - name: Deploy site configuration
                          ansible.builtin.copy:
                            dest: /etc/nginx/sites-available/default
                            mode: "0644"
                            content: |
                              server {
                                listen 80 default_server;
                                server_name {{ server_name }};
                                root /var/www/html;
                              }
                          notify: Reload nginx
                        - name: Enable and start nginx
                          ansible.builtin.service:
                            name: nginx
                            state: started
                            enabled: true
                      handlers:
                        - name: Reload nginx
                          ansible.builtin.service:
                            name: nginx
                            state: reloaded
                    """),
            new Playbook(
                    "rotate-logs",
                    "Forces logrotate for application logs and removes compressed logs older than 30 days.",
                    "Rotate application logs",
                    List.of(
                            new Task("Gathering Facts", false),
                            new Task("Force logrotate", true),
                            new Task("Find compressed logs older than 30 days", false),
                            new Task("Remove old compressed logs", true)),
                    1,
                    "error: skipping \\\"/var/log/app/app.log\\\" because parent directory has insecure permissions",
                    8,
                    45,
                    """
                    ---
                    - name: Rotate application logs
                      hosts: all
                      become: true
                      tasks:
                        - name: Force logrotate
                          ansible.builtin.command: logrotate --force /etc/logrotate.conf
                          changed_when: true
                        - name: Find compressed logs older than 30 days
                          ansible.builtin.find:
                            paths: /var/log
                            patterns: "*.gz"
                            age: 30d
                            recurse: true
                          register: old_logs
                        - name: Remove old compressed logs
                          ansible.builtin.file:
                            path: "{{ item.path }}"
                            state: absent
                          loop: "{{ old_logs.files }}"
                    """),
            new Playbook(
                    "restart-service",
                    "Restarts one systemd service (extra var service_name) and waits until it is active.",
                    "Restart a service",
                    List.of(
                            new Task("Gathering Facts", false),
                            new Task("Restart the service", true),
                            new Task("Wait until the service is active", false)),
                    2,
                    "Service did not become active within 60 seconds",
                    6,
                    70,
                    """
                    ---
                    - name: Restart a service
                      hosts: all
                      become: true
                      vars:
                        service_name: nginx
                      tasks:
                        - name: Restart the service
                          ansible.builtin.systemd:
                            name: "{{ service_name }}"
                            state: restarted
                        - name: Wait until the service is active
                          ansible.builtin.command: systemctl is-active {{ service_name }}
                          register: service_state
                          until: service_state.stdout == "active"
                          retries: 12
                          delay: 5
                          changed_when: false
                    """),
            new Playbook(
                    "create-users",
                    "Creates the operations team's accounts with their SSH keys and sudo rights.",
                    "Create user accounts",
                    List.of(
                            new Task("Gathering Facts", false),
                            new Task("Ensure the ops group exists", false),
                            new Task("Create accounts", true),
                            new Task("Install authorized SSH keys", true),
                            new Task("Allow the ops group to use sudo", false)),
                    3,
                    "Failed to lookup user deploy: getpwnam(): name not found: 'deploy'",
                    10,
                    60,
                    """
                    ---
                    - name: Create user accounts
                      hosts: all
                      become: true
                      vars:
                        ops_users:
                          - name: alice
                            key: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB6p1Qd0o6V2tWm7zv9lX2sF1QbVh3m1b3Xo2k4pD5sA alice@laptop"
                          - name: bob
                            key: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK3v8s4m1Qe7TQw2Zr9pYx1Fj6bH0cL2nM5vD8eR4tUy bob@workstation"
                      tasks:
                        - name: Ensure the ops group exists
                          ansible.builtin.group:
                            name: ops
                            state: present
                        - name: Create accounts
                          ansible.builtin.user:
                            name: "{{ item.name }}"
                            groups: ops
                            append: true
                            shell: /bin/bash
                          loop: "{{ ops_users }}"
                        - name: Install authorized SSH keys
                          ansible.posix.authorized_key:
                            user: "{{ item.name }}"
                            key: "{{ item.key }}"
                          loop: "{{ ops_users }}"
                        - name: Allow the ops group to use sudo
                          ansible.builtin.copy:
                            dest: /etc/sudoers.d/ops
                            content: "%ops ALL=(ALL) NOPASSWD: ALL\\n"
                            mode: "0440"
                            validate: visudo -cf %s
                    """));
}
