-- flask create-admin, flask seed-data and some use: two accounts (werkzeug 3.1.8 hashes of
-- "Old-Platform-Pass1": scrypt, werkzeug's default, and pbkdf2:sha256), servers in each
-- environment, playbooks, jobs with their output, tickets and the old audit rows.
INSERT INTO users (id, username, email, password_hash, `role`, is_active, created_at, updated_at, last_login) VALUES
 (1, 'admin', 'admin@infra.example', 'scrypt:16384:8:1$RebO5oEckaqXG9oy$42b64ef4ccb74e4e88e8fbf835fae7aa3df47c11e4f588adeb69de87aaccc8b0da9f3180425235a0b5113f75aa6df950faaebcb4b8ac3f28a92a53c5d1392a4d', 'admin', 1, '2025-01-10 09:00:00', '2025-01-10 09:00:00', '2025-12-20 08:15:00'),
 (2, 'jdoe', 'jdoe@infra.example', 'pbkdf2:sha256:600000$l4nkI9bTc7SvwnSJ$776db65796d71d5f6a3bef3127ff6e6bce6e565191308df2f9aec757db229a07', 'operator', 1, '2025-02-01 10:00:00', '2025-02-01 10:00:00', NULL);

INSERT INTO servers (id, hostname, ip_address, ssh_port, ssh_user, os_type, environment, status, location, description, created_by) VALUES
 (1, 'web-01.infra.example', '10.0.1.11', 22, 'deploy', 'ubuntu', 'production', 'active', 'eu-west rack 4', 'Public web front end', 1),
 (2, 'db-01.infra.example', '10.0.2.21', 2222, 'root', 'debian', 'staging', 'maintenance', NULL, NULL, 2),
 (3, 'dev-01.infra.example', '10.0.3.31', 22, 'root', 'rocky', 'development', 'inactive', 'office', NULL, NULL);

INSERT INTO playbooks (id, name, description, content, created_by) VALUES
 (1, 'ping', 'Reachability check', '- hosts: all\n  tasks:\n    - ping:\n', 1),
 (2, 'update-packages', NULL, '- hosts: all\n  become: true\n  tasks:\n    - apt: upgrade=dist\n', 2);

INSERT INTO jobs (id, job_id, playbook_id, server_id, user_id, status, extra_vars, exit_code, error_message, created_at, started_at, completed_at) VALUES
 (1, '7d9f2c1e-5b3a-4e8d-9f01-2a3b4c5d6e7f', 1, 1, 1, 'success', NULL, 0, NULL, '2025-12-01 10:00:00', '2025-12-01 10:00:01', '2025-12-01 10:00:09'),
 (2, '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 2, 2, 2, 'failed', '{"reboot": false}', 2, 'UNREACHABLE', '2025-12-02 11:00:00', '2025-12-02 11:00:02', '2025-12-02 11:00:40');

INSERT INTO job_logs (job_id, line_number, `timestamp`, content) VALUES
 (1, 1, '2025-12-01 10:00:02', 'PLAY [all] *********************************************************************'),
 (1, 2, '2025-12-01 10:00:05', 'ok: [web-01.infra.example]'),
 (1, 3, '2025-12-01 10:00:09', 'web-01.infra.example : ok=1    changed=0    unreachable=0    failed=0'),
 (2, 1, '2025-12-02 11:00:40', 'fatal: [db-01.infra.example]: UNREACHABLE! => {"changed": false}');

INSERT INTO tickets (id, title, description, priority, status, created_by, assigned_to, server_id, job_id) VALUES
 (1, 'db-01 unreachable during updates', 'Job failed with UNREACHABLE', 'high', 'open', 2, 1, 2, 2),
 (2, 'Rotate web-01 certificates', NULL, 'medium', 'resolved', 1, NULL, 1, NULL);

INSERT INTO audit_logs (id, user_id, action, entity_type, entity_id, details, ip_address, created_at) VALUES
 (1, 1, 'login', 'user', '1', NULL, '192.0.2.10', '2025-12-01 09:59:00'),
 (2, 1, 'job_launch', 'job', '7d9f2c1e-5b3a-4e8d-9f01-2a3b4c5d6e7f', '{"playbook": "ping", "server": "web-01.infra.example"}', '192.0.2.10', '2025-12-01 10:00:00'),
 (3, 2, 'job_launch', 'job', '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', '{"playbook": "update-packages"}', '192.0.2.44', '2025-12-02 11:00:00'),
 (4, 2, 'ticket_create', 'ticket', '1', '{"title": "db-01 unreachable during updates"}', '192.0.2.44', '2025-12-02 11:05:00');
