package io.wxcard.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules, held against the product's own classes (tests and test-jars excluded). */
class ArchitectureTest {

    static JavaClasses product;

    @BeforeAll
    static void importTheProduct() {
        product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
                .importPackages("io.wxcard");
    }

    @Test
    void the_domain_uses_nothing_but_java_and_vavr() {
        ArchitectureRules.DOMAIN_IS_PURE_JAVA_AND_VAVR.check(product);
    }

    @Test
    void ports_do_not_depend_on_services() {
        ArchitectureRules.PORTS_DO_NOT_DEPEND_ON_SERVICES.check(product);
    }

    @Test
    void the_domain_and_the_application_know_nothing_of_the_outside() {
        ArchitectureRules.INSIDE_DOES_NOT_KNOW_THE_OUTSIDE.check(product);
    }

    @Test
    void adapters_do_not_depend_on_each_other() {
        ArchitectureRules.ADAPTERS_DO_NOT_KNOW_EACH_OTHER.check(product);
    }

    @Test
    void technology_types_inside_adapters_are_package_private() {
        ArchitectureRules.TECHNOLOGY_TYPES_ARE_PACKAGE_PRIVATE.check(product);
    }

    @Test
    void every_package_a_rule_names_holds_classes() {
        for (String pattern : ArchitectureRules.NAMED_PACKAGES) {
            PackageMatcher matcher = PackageMatcher.of(pattern);
            assertThat(product.stream().filter(c -> matcher.matches(c.getPackageName())).count())
                    .as("classes in %s", pattern).isPositive();
        }
    }

    /** A rule about technology types that matched nothing in an adapter would guard nothing there. */
    @ParameterizedTest
    @ValueSource(strings = {"io.wxcard.adapter.persistence..", "io.wxcard.adapter.wechat..", "io.wxcard.adapter.rest..",
            "io.wxcard.adapter.console.."})
    void each_adapter_has_technology_types_for_the_rule_to_hold(String adapter) {
        PackageMatcher matcher = PackageMatcher.of(adapter);
        assertThat(product.stream().filter(c -> matcher.matches(c.getPackageName()))
                .filter(ArchitectureRules::isTechnologyType).map(JavaClass::getSimpleName).toList())
                .as("technology types in %s", adapter).isNotEmpty();
    }

    @Test
    void every_rule_is_checked_here() {
        assertThat(ArchitectureRules.ALL).hasSize(5);
        for (ArchRule rule : ArchitectureRules.ALL) {
            assertThat(rule.evaluate(product).hasViolation()).as(rule.getDescription()).isFalse();
        }
    }
}
