package com.infraconsole;

import com.infraconsole.cli.CommandLineMode;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
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
        SpringApplication.run(Application.class, args);
    }
}
