package com.infraconsole;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The module rules of docs/architecture.md, checked: features acyclic, repositories private to
 * their feature, every door locked.
 */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.infraconsole");

    @Test
    void features_do_not_depend_on_each_other_in_a_cycle() {
        slices().matching("com.infraconsole.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void repositories_are_package_private_and_used_only_inside_their_feature() {
        classes().that().areAssignableTo(Repository.class).and().areInterfaces()
                .should().notBePublic().check(CLASSES);
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().areAssignableTo(Repository.class).check(CLASSES);
    }

    @Test
    void every_view_says_who_may_open_it() {
        classes().that().areAnnotatedWith(Route.class)
                .should().beAnnotatedWith(RolesAllowed.class)
                .orShould().beAnnotatedWith(PermitAll.class)
                .orShould().beAnnotatedWith(AnonymousAllowed.class)
                .check(CLASSES);
    }

    @Test
    void every_public_service_checks_security_at_class_level() {
        classes().that().areAnnotatedWith(Service.class).and().haveModifier(JavaModifier.PUBLIC)
                .should().beAnnotatedWith(PreAuthorize.class).check(CLASSES);
    }

    @Test
    void the_audit_feature_never_calls_back_into_other_features() {
        noClasses().that().resideInAPackage("com.infraconsole.audit..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.infraconsole.server..", "com.infraconsole.playbook..", "com.infraconsole.job..",
                        "com.infraconsole.ticket..", "com.infraconsole.dashboard..", "com.infraconsole.dbadmin..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }
}
