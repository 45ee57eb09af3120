package com.infraconsole.dbadmin;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.dbadmin.DbAdminModel.TableSize;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The risks the lint flags in pending SQL, against a schema described by its sizes and column types. */
class MigrationLintTest {

    private final MigrationLint lint = new MigrationLint(
            new MigrationLint.Schema() {
                final Map<String, TableSize> tables = Map.of(
                        "job_logs", new TableSize("job_logs", "InnoDB", 5_000_000, true, 2L << 30, 1L << 29),
                        "servers", new TableSize("servers", "InnoDB", 120, true, 16_384, 16_384));
                final Map<String, String> columns = Map.of(
                        "servers.hostname",
                        "varchar(255)",
                        "servers.status",
                        "enum('active','maintenance','retired')",
                        "job_logs.id",
                        "bigint(20)",
                        "servers.description",
                        "text");

                @Override
                public Optional<TableSize> table(String name) {
                    return Optional.ofNullable(tables.get(name));
                }

                @Override
                public Optional<String> columnType(String table, String column) {
                    return Optional.ofNullable(columns.get(table + "." + column));
                }
            },
            1_000_000,
            1L << 30);

    @Test
    void drops_of_tables_and_columns_are_flagged() {
        assertThat(lint.check(
                        "DROP TABLE IF EXISTS `servers`;\nALTER TABLE servers DROP COLUMN location, DROP INDEX ix;"))
                .containsExactly(
                        "DROP TABLE servers: the table and its data are gone (120 rows, estimate)",
                        "DROP COLUMN servers.location: its values are gone (120 rows, estimate)");
    }

    @Test
    void a_narrowing_modify_is_flagged_and_a_widening_one_is_not() {
        assertThat(lint.check("ALTER TABLE servers MODIFY hostname VARCHAR(100) NULL;"))
                .singleElement()
                .asString()
                .startsWith("MODIFY servers.hostname narrows it (varchar(255) to VARCHAR(100))");
        assertThat(lint.check("ALTER TABLE servers MODIFY COLUMN hostname VARCHAR(500) NULL;"))
                .isEmpty();
        assertThat(lint.check("ALTER TABLE servers MODIFY description VARCHAR(2000);"))
                .hasSize(1);
        assertThat(lint.check("ALTER TABLE job_logs CHANGE id id INT NOT NULL AUTO_INCREMENT;"))
                .hasSize(1);
        assertThat(lint.check("ALTER TABLE servers MODIFY status ENUM('active','retired') NULL;"))
                .hasSize(1);
        assertThat(lint.check("ALTER TABLE servers MODIFY status ENUM('active','maintenance','retired','new') NULL;"))
                .isEmpty();
    }

    @Test
    void not_null_without_a_default_on_an_existing_table_is_flagged() {
        assertThat(lint.check("ALTER TABLE servers ADD COLUMN rack VARCHAR(10) NOT NULL;"))
                .singleElement()
                .asString()
                .startsWith("ADD COLUMN servers.rack NOT NULL without a default");
        assertThat(lint.check("ALTER TABLE servers ADD COLUMN rack VARCHAR(10) NOT NULL DEFAULT 'r1';"))
                .isEmpty();
        assertThat(lint.check("CREATE TABLE racks (id INT NOT NULL);")).isEmpty();
        assertThat(lint.check("ALTER TABLE new_table ADD COLUMN x INT NOT NULL;"))
                .isEmpty();
    }

    @Test
    void an_index_build_is_flagged_on_a_big_table_only() {
        assertThat(lint.check("CREATE INDEX idx_x ON job_logs (line_no);"))
                .singleElement()
                .asString()
                .startsWith("index build on job_logs, a big table (5,000,000 rows, 2.50 GB, server estimates)");
        assertThat(lint.check("ALTER TABLE job_logs ADD INDEX idx_y (job_id, line_no);"))
                .hasSize(1);
        assertThat(lint.check("CREATE INDEX idx_x ON servers (location);")).isEmpty();
    }

    @Test
    void comments_and_harmless_statements_pass() {
        assertThat(lint.check("-- DROP TABLE servers;\n/* DROP TABLE servers; */\nALTER TABLE servers ADD COLUMN rack "
                        + "VARCHAR(40) NULL;\nINSERT INTO environments (name) VALUES ('qa');"))
                .isEmpty();
    }
}
