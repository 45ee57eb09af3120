package com.infraconsole.dbadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/** Every migration that has not been released sorts above every released one. */
class MigrationNumberingTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    /** Java migrations (Flyway's BaseJavaMigration), in the package Flyway scans for classpath:db/migration. */
    private static final Path JAVA_MIGRATIONS = Path.of("src/main/java/db/migration");

    private static final Path RELEASED = Path.of("src/main/resources/db/released-versions.txt");
    private static final Pattern SCRIPT = Pattern.compile("V([0-9._]+)__.+\\.(sql|java)");

    @Test
    void unreleased_migrations_sort_above_the_highest_released_version() throws Exception {
        assertThat(tooLow(scripts(), released()))
                .as("scripts at or below the highest released version that were "
                        + "never released: give them a version above it")
                .isEmpty();
    }

    @Test
    void every_released_version_still_has_its_script() throws Exception {
        var versions = scripts().stream().map(MigrationNumberingTest::version).toList();
        assertThat(versions).containsAll(released());
    }

    @Test
    void the_check_catches_a_script_numbered_below_a_released_version() throws Exception {
        var scripts = new java.util.ArrayList<>(scripts());
        scripts.add("V22__late_feature.sql");
        scripts.add("V39__forgotten.sql");
        scripts.add("V9000__next_feature.sql");
        scripts.add("V35__Java_backfill.java");
        assertThat(tooLow(scripts, released()))
                .containsExactly("V22__late_feature.sql", "V39__forgotten.sql", "V35__Java_backfill.java");
    }

    /** Unreleased scripts that do not sort above the highest released version. */
    static List<String> tooLow(List<String> scripts, List<MigrationVersion> released) {
        var highest = released.stream().max(MigrationVersion::compareTo).orElseThrow();
        return scripts.stream()
                .filter(s -> !released.contains(version(s)) && !version(s).isNewerThan(highest))
                .toList();
    }

    private static List<MigrationVersion> released() throws Exception {
        return Files.readAllLines(RELEASED).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(MigrationVersion::fromVersion)
                .toList();
    }

    private static List<String> scripts() throws Exception {
        var names = new java.util.ArrayList<String>();
        for (var dir : List.of(MIGRATIONS, JAVA_MIGRATIONS)) {
            if (Files.isDirectory(dir)) {
                try (var files = Files.list(dir)) {
                    files.map(p -> p.getFileName().toString())
                            .filter(n -> SCRIPT.matcher(n).matches())
                            .forEach(names::add);
                }
            }
        }
        return names.stream().sorted().toList();
    }

    private static MigrationVersion version(String script) {
        var m = SCRIPT.matcher(script);
        if (!m.matches()) {
            throw new IllegalArgumentException(script);
        }
        return MigrationVersion.fromVersion(m.group(1).replace('_', '.'));
    }
}
