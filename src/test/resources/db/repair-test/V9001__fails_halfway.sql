-- Fails on its second statement; MariaDB cannot roll back the first (DDL), so Flyway records a failure.
CREATE TABLE repair_probe (id INT PRIMARY KEY);
INSERT INTO no_such_table VALUES (1);
