package io.wxcard.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * What Maven's module graph cannot say. Each rule names packages; {@link ArchitectureTest} proves every named
 * package exists (a rule aimed at nothing is worse than none) and {@link PlantedViolationsTest} proves each rule fails
 * on a planted violation.
 */
final class ArchitectureRules {

    static final String DOMAIN = "io.wxcard.domain..";
    static final String APPLICATION = "io.wxcard.application..";
    static final String PORT_IN = "io.wxcard.application.port.in..";
    static final String PORT_OUT = "io.wxcard.application.port.out..";
    static final String SERVICE = "io.wxcard.application.service..";
    static final String ADAPTERS = "io.wxcard.adapter..";
    static final String PERSISTENCE = "io.wxcard.adapter.persistence..";
    static final String WECHAT = "io.wxcard.adapter.wechat..";
    static final String REST = "io.wxcard.adapter.rest..";
    static final String CONSOLE = "io.wxcard.adapter.console..";
    static final String BOOTSTRAP = "io.wxcard.bootstrap..";
    static final String SANDBOX = "io.wxcard.sandbox..";

    static final List<String> NAMED_PACKAGES = List.of(DOMAIN, APPLICATION, PORT_IN, PORT_OUT, SERVICE, ADAPTERS,
            PERSISTENCE, WECHAT, REST, CONSOLE, BOOTSTRAP, SANDBOX);

    private ArchitectureRules() {}

    static final ArchRule DOMAIN_IS_PURE_JAVA_AND_VAVR = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat(allowedInTheDomain())
            .because("the domain is pure Java and Vavr: no SQL, no network, no files, no logging, no frameworks");

    static final ArchRule PORTS_DO_NOT_DEPEND_ON_SERVICES = noClasses().that().resideInAnyPackage(PORT_IN, PORT_OUT)
            .should().dependOnClassesThat().resideInAPackage(SERVICE)
            .because("ports are the application's contract; services implement them, never the other way round");

    static final ArchRule INSIDE_DOES_NOT_KNOW_THE_OUTSIDE = noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS, BOOTSTRAP, SANDBOX)
            .because("the domain and the application know nothing of adapters, the bootstrap or the sandbox");

    static final ArchRule ADAPTERS_DO_NOT_KNOW_EACH_OTHER = slices().matching("io.wxcard.adapter.(*)..")
            .should().notDependOnEachOther()
            .because("what one adapter needs from another is a port that the other implements");

    static final ArchRule TECHNOLOGY_TYPES_ARE_PACKAGE_PRIVATE = classes().that().resideInAPackage(ADAPTERS)
            .and(technologyTypes())
            .should().notHaveModifier(JavaModifier.PUBLIC)
            .because("Feign interfaces, Jdbi DAOs and mappers, row records, JSON DTOs and HTTP handlers are the "
                    + "adapter's own business; only its small entry point is public");

    static final List<ArchRule> ALL = List.of(DOMAIN_IS_PURE_JAVA_AND_VAVR, PORTS_DO_NOT_DEPEND_ON_SERVICES,
            INSIDE_DOES_NOT_KNOW_THE_OUTSIDE, ADAPTERS_DO_NOT_KNOW_EACH_OTHER, TECHNOLOGY_TYPES_ARE_PACKAGE_PRIVATE);

    private static DescribedPredicate<JavaClass> allowedInTheDomain() {
        return DescribedPredicate.describe("are in the domain, java.lang, java.util, java.time, java.math or io.vavr", c -> {
            String pkg = c.isArray() ? c.getBaseComponentType().getPackageName() : c.getPackageName();
            return c.isPrimitive() || c.getBaseComponentType().isPrimitive()
                    || pkg.startsWith("io.wxcard.domain") || pkg.startsWith("io.vavr")
                    || pkg.equals("java.lang") || pkg.startsWith("java.lang.invoke") || pkg.startsWith("java.lang.runtime")
                    || pkg.startsWith("java.util") && !pkg.startsWith("java.util.logging")
                    || pkg.startsWith("java.time") || pkg.startsWith("java.math");
        });
    }

    /**
     * The technology inside adapters: a Feign interface (a method with a Feign annotation), a Jdbi SQL object, a Jdbi
     * or MapStruct mapper, a row type, a Jackson DTO, or an HTTP handler (a method taking Javalin's Context).
     */
    static DescribedPredicate<JavaClass> technologyTypes() {
        return DescribedPredicate.describe("are technology types (Feign, Jdbi, MapStruct, rows, JSON DTOs, handlers)",
                ArchitectureRules::isTechnologyType);
    }

    static boolean isTechnologyType(JavaClass c) {
        return c.getMethods().stream().anyMatch(ArchitectureRules::isTechnologyMethod)
                || c.isAssignableTo("org.jdbi.v3.core.mapper.RowMapper")
                || c.isAssignableTo("org.jdbi.v3.core.mapper.ColumnMapper")
                || c.isAssignableTo("io.javalin.http.Handler")
                || c.getAnnotations().stream().anyMatch(a -> a.getRawType().getPackageName().startsWith("org.mapstruct")
                        || a.getRawType().getPackageName().startsWith("com.fasterxml.jackson.annotation"))
                || c.getSimpleName().endsWith("Row") || c.getSimpleName().endsWith("Dao");
    }

    private static boolean isTechnologyMethod(JavaMethod method) {
        return method.getAnnotations().stream().anyMatch(a -> a.getRawType().getPackageName().equals("feign")
                        || a.getRawType().getPackageName().startsWith("org.jdbi.v3.sqlobject"))
                || method.getRawParameterTypes().stream().anyMatch(p -> p.getName().equals("io.javalin.http.Context"));
    }
}
