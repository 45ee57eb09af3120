package com.infraconsole.base.database;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides, before any bean exists, which database the console talks to.
 *
 * <ol>
 *   <li>{@code spring.datasource.url} given: use it.</li>
 *   <li>The old platform's {@code DATABASE_URL} or {@code DB_HOST}...: translate them.</li>
 *   <li>Nothing: start the embedded MariaDB with its data under {@code infra.data-dir}.</li>
 * </ol>
 * A configured database is checked once here, so that a wrong URL or password stops the
 * console with one clear line (see {@link DatabaseUnreachableFailureAnalyzer}). Then the
 * timeouts of {@link DatabaseTimeouts} are applied to whichever database it is.
 */
public class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "infraConsoleDatabase";
    static final String TIMEOUTS_SOURCE_NAME = "infraConsoleDatabaseTimeouts";

    private final Log log;

    /** Logging is not set up yet when this runs: the deferred log replays once it is. */
    public DatabaseEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(DatabaseEnvironmentPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> props = new HashMap<>();
        if (!environment.containsProperty("spring.datasource.url")) {
            props.putAll(DatabaseSettings.fromLegacyVariables(legacyVariables(environment)));
        }
        if (!props.containsKey("spring.datasource.url") && !environment.containsProperty("spring.datasource.url")) {
            var dataDir = Path.of(environment.getProperty("infra.data-dir", "./data"));
            var embedded = EmbeddedMariaDb.start(
                    dataDir,
                    environment.getProperty("infra.embedded-db.port", Integer.class, 0),
                    environment.getProperty("infra.embedded-db.fresh", Boolean.class, false));
            props.put("spring.datasource.url", embedded.jdbcUrl());
            props.put("spring.datasource.username", EmbeddedMariaDb.CONSOLE_USER);
            props.put("spring.datasource.password", embedded.consolePassword());
            props.put("infra.embedded-db.active", "true");
            log.info("Embedded MariaDB on port " + embedded.port() + ", data in "
                    + embedded.dataDir().resolve("mariadb") + ", passwords in "
                    + embedded.admin().optionFile());
        } else if (environment.getProperty("infra.database.preflight", Boolean.class, true)) {
            var url = (String)
                    props.getOrDefault("spring.datasource.url", environment.getProperty("spring.datasource.url"));
            var user = (String) props.getOrDefault(
                    "spring.datasource.username", environment.getProperty("spring.datasource.username"));
            var password = (String) props.getOrDefault(
                    "spring.datasource.password", environment.getProperty("spring.datasource.password"));
            var checkedUrl = DatabasePreflight.check(url, user, password);
            props.put("spring.datasource.url", checkedUrl);
        }
        props.putAll(OwnerAccount.flywayProperties(environment));
        if (!props.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, props));
        }
        // Last: the timeouts' spring.* settings are defaults, anything configured explicitly wins.
        var timeouts = DatabaseTimeouts.from(environment)
                .springProperties(
                        environment.getProperty("spring.datasource.url"),
                        environment.getProperty("spring.datasource.username"),
                        environment.getProperty("spring.datasource.password"));
        environment.getPropertySources().addLast(new MapPropertySource(TIMEOUTS_SOURCE_NAME, timeouts));
    }

    private static Map<String, String> legacyVariables(ConfigurableEnvironment environment) {
        var vars = new HashMap<String, String>();
        for (var name :
                new String[] {"DATABASE_URL", "DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_PASSWORD", "DB_KIND"}) {
            var value = environment.getProperty(name);
            if (value != null) {
                vars.put(name, value);
            }
        }
        return vars;
    }

    @Override
    public int getOrder() {
        // After application.yml and profiles are loaded, so that they can name a database.
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
