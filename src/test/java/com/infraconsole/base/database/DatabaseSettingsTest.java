package com.infraconsole.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The old platform's database settings, translated into spring.datasource.*; passwords never printed. */
class DatabaseSettingsTest {

    @Test
    void an_sqlalchemy_database_url_becomes_a_jdbc_url_with_user_and_decoded_password() {
        assertThat(DatabaseSettings.fromLegacyVariables(
                        Map.of("DATABASE_URL", "mysql+pymysql://user:p%40ss@host:3306/db?charset=utf8mb4")))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "spring.datasource.url", "jdbc:mysql://host:3306/db",
                        "spring.datasource.username", "user",
                        "spring.datasource.password", "p@ss"));
    }

    @Test
    void a_mariadb_database_url_without_a_port_uses_the_mariadb_driver_on_3306() {
        assertThat(DatabaseSettings.fromLegacyVariables(
                        Map.of("DATABASE_URL", "mariadb://infra@db.internal/infra_automation")))
                .containsEntry("spring.datasource.url", "jdbc:mariadb://db.internal:3306/infra_automation")
                .containsEntry("spring.datasource.username", "infra")
                .doesNotContainKey("spring.datasource.password");
    }

    @Test
    void a_jdbc_database_url_is_taken_as_it_is_with_db_user_and_password() {
        assertThat(DatabaseSettings.fromLegacyVariables(Map.of(
                        "DATABASE_URL",
                        "jdbc:mysql://db:3306/infra?useSSL=true",
                        "DB_USER",
                        "infra",
                        "DB_PASSWORD",
                        "pw")))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "spring.datasource.url", "jdbc:mysql://db:3306/infra?useSSL=true",
                        "spring.datasource.username", "infra",
                        "spring.datasource.password", "pw"));
    }

    @Test
    void the_db_variables_become_a_mysql_url_with_defaults_for_port_and_name() {
        assertThat(DatabaseSettings.fromLegacyVariables(Map.of(
                        "DB_HOST",
                        "localhost",
                        "DB_PORT",
                        "3307",
                        "DB_NAME",
                        "infra_automation",
                        "DB_USER",
                        "infra_user",
                        "DB_PASSWORD",
                        "secure_password")))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "spring.datasource.url", "jdbc:mysql://localhost:3307/infra_automation",
                        "spring.datasource.username", "infra_user",
                        "spring.datasource.password", "secure_password"));
        assertThat(DatabaseSettings.fromLegacyVariables(Map.of("DB_HOST", "db1")))
                .containsEntry("spring.datasource.url", "jdbc:mysql://db1:3306/infra_automation");
    }

    @Test
    void db_kind_mariadb_selects_the_mariadb_driver() {
        assertThat(DatabaseSettings.fromLegacyVariables(
                        Map.of("DB_HOST", "db1", "DB_KIND", "MariaDB", "DB_NAME", "infra")))
                .containsEntry("spring.datasource.url", "jdbc:mariadb://db1:3306/infra");
    }

    @Test
    void database_url_wins_over_the_db_variables_and_its_credentials_over_db_user() {
        assertThat(DatabaseSettings.fromLegacyVariables(Map.of(
                        "DATABASE_URL",
                        "mysql://a:b@h1/one",
                        "DB_HOST",
                        "h2",
                        "DB_USER",
                        "other",
                        "DB_PASSWORD",
                        "other-pw")))
                .containsEntry("spring.datasource.url", "jdbc:mysql://h1:3306/one")
                .containsEntry("spring.datasource.username", "a")
                .containsEntry("spring.datasource.password", "b");
    }

    @Test
    void nothing_configured_means_no_properties_so_the_embedded_database_starts() {
        assertThat(DatabaseSettings.fromLegacyVariables(Map.of())).isEmpty();
        assertThat(DatabaseSettings.fromLegacyVariables(Map.of("DB_HOST", " ", "DB_USER", "x")))
                .isEmpty();
    }

    @Test
    void an_unsupported_database_url_scheme_is_refused_with_its_name() {
        assertThatThrownBy(() -> DatabaseSettings.fromLegacyVariables(Map.of("DATABASE_URL", "postgresql://u:p@h/db")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postgresql://");
    }

    @Test
    void passwords_are_masked_in_urls_and_connection_errors() {
        assertThat(DatabaseSettings.mask("jdbc:mysql://h:3306/db?user=u&password=s3cret&useSSL=true"))
                .isEqualTo("jdbc:mysql://h:3306/db?user=u&password=****&useSSL=true");
        assertThat(DatabaseSettings.mask("jdbc:mariadb://h/db?PASSWORD=s3cret"))
                .isEqualTo("jdbc:mariadb://h/db?PASSWORD=****");
        assertThat(DatabaseSettings.mask("mysql+pymysql://user:p%40ss@host:3306/db"))
                .isEqualTo("mysql+pymysql://user:****@host:3306/db");
        assertThat(DatabaseSettings.mask("jdbc:mysql://h:3306/db")).isEqualTo("jdbc:mysql://h:3306/db");
        assertThat(DatabaseSettings.mask(null)).isEqualTo("(none)");
        assertThat(new DatabaseUnreachableException(
                        "jdbc:mysql://h/db?password=s3cret", "infra", "Connection refused", null))
                .hasMessage("Cannot connect to database jdbc:mysql://h/db?password=**** as infra: Connection refused");
    }

    @Test
    void query_parameters_such_as_tls_options_are_kept_and_only_the_python_charset_is_dropped() {
        assertThat(
                        DatabaseSettings.fromLegacyVariables(
                                Map.of(
                                        "DATABASE_URL",
                                        "mysql://u:pw@db.example:3306/infra?charset=utf8mb4&sslMode=VERIFY_IDENTITY&trustCertificateKeyStoreUrl=file:/etc/ca.jks")))
                .containsEntry(
                        "spring.datasource.url",
                        "jdbc:mysql://db.example:3306/infra?sslMode=VERIFY_IDENTITY&trustCertificateKeyStoreUrl=file:/etc/ca.jks");
        assertThat(DatabaseSettings.fromLegacyVariables(
                        Map.of("DATABASE_URL", "mariadb://u:pw@db/infra?sslMode=verify-full")))
                .containsEntry("spring.datasource.url", "jdbc:mariadb://db:3306/infra?sslMode=verify-full");
    }

    @Test
    void passwords_with_plus_slash_or_at_are_read_whole_encoded_or_not() {
        for (var url : new String[] {
            "mysql://svc:a+b/c@d@db.example:3306/infra?sslMode=REQUIRED",
            "mysql://svc:a%2Bb%2Fc%40d@db.example:3306/infra?sslMode=REQUIRED",
            "mysql://svc:a+b%2Fc@d@db.example:3306/infra?sslMode=REQUIRED"
        }) {
            assertThat(DatabaseSettings.fromLegacyVariables(Map.of("DATABASE_URL", url)))
                    .as(url)
                    .containsEntry("spring.datasource.url", "jdbc:mysql://db.example:3306/infra?sslMode=REQUIRED")
                    .containsEntry("spring.datasource.username", "svc")
                    .containsEntry("spring.datasource.password", "a+b/c@d");
        }
    }

    @Test
    void passwords_with_slash_or_at_are_masked_whole() {
        assertThat(DatabaseSettings.mask("mysql://svc:a+b/c@d@db.example:3306/infra?sslMode=REQUIRED"))
                .isEqualTo("mysql://svc:****@db.example:3306/infra?sslMode=REQUIRED");
        assertThat(DatabaseSettings.mask("mysql+pymysql://svc:x/y@db/infra"))
                .isEqualTo("mysql+pymysql://svc:****@db/infra");
        assertThat(DatabaseSettings.mask("jdbc:mysql://svc:p@ss@h/db?password=a@b&useSSL=true"))
                .isEqualTo("jdbc:mysql://svc:****@h/db?password=****&useSSL=true");
        assertThat(DatabaseSettings.mask("mysql://db.example/infra?user=u"))
                .isEqualTo("mysql://db.example/infra?user=u");
    }
}
