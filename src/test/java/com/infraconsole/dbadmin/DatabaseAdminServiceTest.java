package com.infraconsole.dbadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.base.InvalidInputException;
import com.infraconsole.dbadmin.DbAdminModel.IndexInfo;
import com.infraconsole.dbadmin.DbAdminModel.UnusedIndex;
import com.infraconsole.security.Role;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** Each query of the screen checked against a table and indexes this test creates. */
@IntegrationTest
class DatabaseAdminServiceTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    DatabaseAdminService service;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestUsers users;

    String table;

    @BeforeEach
    void createProbeTable() {
        table = "dbadmin_probe_" + System.nanoTime() % 100000 + "_" + SEQ.incrementAndGet();
        jdbc.execute("CREATE TABLE " + table + " (id BIGINT NOT NULL AUTO_INCREMENT, a INT, b INT, c VARCHAR(20), "
                + "server_id BIGINT NULL, PRIMARY KEY (id), INDEX idx_used (a), INDEX idx_unused (b), "
                + "INDEX idx_a_prefix (a), INDEX idx_ab (a, b), CONSTRAINT uq_" + table + "_c UNIQUE (c), "
                + "CONSTRAINT fk_" + table
                + "_server FOREIGN KEY (server_id) REFERENCES servers (id) ON DELETE SET NULL"
                + ") ENGINE = InnoDB");
        jdbc.update("INSERT INTO " + table + " (a, b, c) VALUES (1, 1, 'x'), (2, 2, 'y'), (3, 3, 'z')");
        users.signIn(Role.ADMIN);
    }

    @AfterEach
    void dropProbeTable() {
        TestUsers.signOut();
        jdbc.execute("DROP TABLE IF EXISTS " + table);
    }

    @Test
    void table_sizes_list_the_probe_table_with_estimated_rows_and_an_exact_count_on_demand() {
        var size = service.tableSizes().stream()
                .filter(t -> t.table().equals(table))
                .findFirst()
                .orElseThrow();
        assertThat(size.engine()).isEqualTo("InnoDB");
        assertThat(size.rowsAreEstimate()).isTrue();
        assertThat(size.dataBytes()).isPositive();
        assertThat(service.exactRowCount(table)).isEqualTo(3);
        assertThat(service.tableSizes())
                .extracting(DbAdminModel.TableSize::table)
                .contains("jobs", "servers", "flyway_schema_history");
    }

    @Test
    void an_exact_count_refuses_a_name_that_is_not_a_table_of_the_schema() {
        assertThatThrownBy(() -> service.exactRowCount("servers; DROP TABLE users"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void indexes_show_columns_in_order_cardinality_and_uniqueness() {
        var mine =
                service.indexes().stream().filter(i -> i.table().equals(table)).toList();
        assertThat(mine)
                .extracting(IndexInfo::index)
                .containsExactlyInAnyOrder(
                        "PRIMARY",
                        "idx_used",
                        "idx_unused",
                        "idx_a_prefix",
                        "idx_ab",
                        "uq_" + table + "_c",
                        "fk_" + table + "_server");
        var ab = mine.stream()
                .filter(i -> i.index().equals("idx_ab"))
                .findFirst()
                .orElseThrow();
        assertThat(ab.columns()).isEqualTo("a, b");
        assertThat(ab.unique()).isFalse();
        assertThat(mine.stream()
                        .filter(i -> i.index().startsWith("uq_"))
                        .findFirst()
                        .orElseThrow()
                        .unique())
                .isTrue();
        assertThat(service.indexes())
                .extracting(IndexInfo::index)
                .contains("idx_jobs_completed_outcome", "idx_jobs_status_completed", "idx_jobs_completed_at");
    }

    @Test
    void an_index_read_through_is_not_unused_while_one_never_read_is_and_unique_keys_are_left_out() {
        jdbc.queryForList("SELECT id FROM " + table + " FORCE INDEX (idx_used) WHERE a = 2");
        var report = service.unusedIndexes();
        assertThat(report.enabled()).isTrue();
        assertThat(report.measuredOver()).isPositive();
        assertThat(report.message()).contains("since the server started");
        var mine = report.indexes().stream()
                .filter(u -> u.table().equals(table))
                .map(UnusedIndex::index)
                .toList();
        assertThat(mine).contains("idx_unused").doesNotContain("idx_used", "PRIMARY", "uq_" + table + "_c");
    }

    @Test
    void a_left_prefix_of_another_index_is_reported_redundant() {
        var report = service.redundantIndexes();
        assertThat(report.available()).isTrue();
        assertThat(report.indexes()).anySatisfy(r -> {
            assertThat(r.table()).isEqualTo(table);
            assertThat(r.redundantIndex()).isIn("idx_a_prefix", "idx_used");
            assertThat(r.dominantIndex()).isIn("idx_ab", "idx_used", "idx_a_prefix");
            assertThat(r.dropStatement()).contains("DROP INDEX");
        });
        assertThat(report.indexes()).anySatisfy(r -> {
            assertThat(r.table()).isEqualTo("jobs");
            assertThat(r.redundantIndex()).isEqualTo("idx_jobs_completed_at");
            assertThat(r.dominantIndex()).isEqualTo("idx_jobs_completed_outcome");
        });
    }

    @Test
    void foreign_keys_list_the_schema_constraints_and_the_probe_one() {
        var fks = service.foreignKeys();
        assertThat(fks).anySatisfy(fk -> {
            assertThat(fk.table()).isEqualTo("jobs");
            assertThat(fk.column()).isEqualTo("playbook_id");
            assertThat(fk.constraint()).isEqualTo("fk_jobs_playbook");
            assertThat(fk.referencedTable()).isEqualTo("playbooks");
            assertThat(fk.referencedColumn()).isEqualTo("id");
        });
        assertThat(fks).anySatisfy(fk -> {
            assertThat(fk.table()).isEqualTo(table);
            assertThat(fk.onDelete()).isEqualTo("SET NULL");
        });
    }

    @Test
    void server_facts_name_the_product_uptime_and_pool() {
        var server = service.server();
        assertThat(server.connection().version()).containsIgnoringCase("mariadb");
        assertThat(server.uptime()).isPositive();
        assertThat(server.pool().max()).isPositive();
        assertThat(server.pool().active()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void migrations_are_up_to_date_and_valid_with_the_full_history() {
        var status = service.migrations();
        assertThat(status.upToDate()).isTrue();
        assertThat(status.valid()).isTrue();
        assertThat(status.migrateOnStart()).isTrue();
        assertThat(Integer.parseInt(status.currentVersion().split("\\.")[0])).isGreaterThanOrEqualTo(40);
        var v1 = status.history().getFirst();
        assertThat(v1.version()).isEqualTo("1");
        assertThat(v1.state()).isEqualTo("Success");
        assertThat(v1.checksum()).isNotNull();
        assertThat(v1.installedOn()).isNotNull();
        assertThat(v1.installedBy()).isNotBlank();
    }

    @Test
    void operators_and_auditors_are_refused_every_database_admin_call() {
        for (var role : List.of(Role.OPERATOR, Role.AUDITOR)) {
            users.signIn(role);
            assertThatThrownBy(service::migrations).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(service::tableSizes).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.exactRowCount("jobs")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(service::unusedIndexes).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(service::foreignKeys).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(service::server).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.applyPendingMigrations(true)).isInstanceOf(AccessDeniedException.class);
        }
    }
}
