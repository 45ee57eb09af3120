package com.infraconsole;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The module rules of docs/architecture.md, checked: each module uses only the modules its
 * package-info allows, and only their API; features acyclic; repositories private to their
 * feature; every door locked.
 */
class ArchitectureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(Application.class);
    static final Path DIAGRAM = Path.of("docs", "modules", "components.puml");

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.infraconsole");

    @Test
    void modules_use_only_the_modules_they_declare_and_only_their_api() {
        MODULES.verify();
    }

    /**
     * The module diagram in docs is the one the code has. After a change of dependencies, run
     * with -Ddocs.modules=true to write the new one, and commit it.
     */
    @Test
    void the_module_diagram_in_docs_is_the_current_one() throws IOException {
        var out = Path.of("target", "modulith");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(out.toString()))
                .writeModulesAsPlantUml();
        var generated = out.resolve("components.puml");
        if (Boolean.getBoolean("docs.modules")) {
            Files.createDirectories(DIAGRAM.getParent());
            Files.copy(generated, DIAGRAM, StandardCopyOption.REPLACE_EXISTING);
        }
        // Compared as sets of lines: the documenter does not promise an order.
        assertThat(Files.readAllLines(DIAGRAM))
                .as("docs/modules/components.puml; rerun with -Ddocs.modules=true")
                .containsExactlyInAnyOrderElementsOf(Files.readAllLines(generated));
    }

    @Test
    void features_do_not_depend_on_each_other_in_a_cycle() {
        slices().matching("com.infraconsole.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void repositories_are_package_private_and_used_only_inside_their_feature() {
        classes()
                .that()
                .areAssignableTo(Repository.class)
                .and()
                .areInterfaces()
                .should()
                .notBePublic()
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("..ui..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(Repository.class)
                .check(CLASSES);
    }

    @Test
    void every_view_says_who_may_open_it() {
        classes()
                .that()
                .areAnnotatedWith(Route.class)
                .should()
                .beAnnotatedWith(RolesAllowed.class)
                .orShould()
                .beAnnotatedWith(PermitAll.class)
                .orShould()
                .beAnnotatedWith(AnonymousAllowed.class)
                .check(CLASSES);
    }

    @Test
    void every_public_service_checks_security_at_class_level() {
        classes()
                .that()
                .areAnnotatedWith(Service.class)
                .and()
                .haveModifier(JavaModifier.PUBLIC)
                .should()
                .beMetaAnnotatedWith(PreAuthorize.class)
                .check(CLASSES);
    }

    @Test
    void the_audit_feature_never_calls_back_into_other_features() {
        noClasses()
                .that()
                .resideInAPackage("com.infraconsole.audit..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.infraconsole.server..",
                        "com.infraconsole.playbook..",
                        "com.infraconsole.job..",
                        "com.infraconsole.ticket..",
                        "com.infraconsole.dashboard..",
                        "com.infraconsole.dbadmin..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }
}
