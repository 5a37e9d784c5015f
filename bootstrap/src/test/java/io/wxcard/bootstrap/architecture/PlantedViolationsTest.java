package io.wxcard.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.wxcard.adapter.persistence.planted.PublicCardRow;
import io.wxcard.adapter.persistence.planted.PublicFeignApi;
import io.wxcard.adapter.rest.RestApi;
import io.wxcard.application.port.in.planted.ApplicationThatKnowsAnAdapter;
import io.wxcard.application.port.in.planted.PortThatKnowsAService;
import io.wxcard.application.service.CardServices;
import io.wxcard.domain.planted.DomainThatLogs;
import io.wxcard.domain.planted.DomainThatTouchesTheDatabase;
import org.junit.jupiter.api.Test;

/** Each rule, shown failing on a class planted to break it: a rule that cannot fire guards nothing. */
class PlantedViolationsTest {

    private static void assertFiresOn(ArchRule rule, JavaClasses classes, String offender) {
        EvaluationResult result = rule.evaluate(classes);
        assertThat(result.hasViolation()).as("%s should fire", rule.getDescription()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(line -> assertThat(line).contains(offender));
    }

    @Test
    void the_domain_rule_fires_on_a_domain_class_using_java_sql() {
        assertFiresOn(ArchitectureRules.DOMAIN_IS_PURE_JAVA_AND_VAVR,
                new ClassFileImporter().importClasses(DomainThatTouchesTheDatabase.class), "java.sql.Connection");
    }

    @Test
    void the_domain_rule_fires_on_a_domain_class_that_logs() {
        assertFiresOn(ArchitectureRules.DOMAIN_IS_PURE_JAVA_AND_VAVR,
                new ClassFileImporter().importClasses(DomainThatLogs.class), "java.util.logging.Logger");
    }

    @Test
    void the_ports_rule_fires_on_a_port_that_knows_a_service() {
        assertFiresOn(ArchitectureRules.PORTS_DO_NOT_DEPEND_ON_SERVICES,
                new ClassFileImporter().importClasses(PortThatKnowsAService.class, CardServices.class), "CardServices");
    }

    @Test
    void the_inside_rule_fires_on_the_application_knowing_an_adapter() {
        assertFiresOn(ArchitectureRules.INSIDE_DOES_NOT_KNOW_THE_OUTSIDE,
                new ClassFileImporter().importClasses(ApplicationThatKnowsAnAdapter.class, RestApi.class), "RestApi");
    }

    @Test
    void the_adapters_rule_fires_on_one_adapter_using_another() {
        assertFiresOn(ArchitectureRules.ADAPTERS_DO_NOT_KNOW_EACH_OTHER,
                new ClassFileImporter().importPackages("io.wxcard.adapter.persistence.planted", "io.wxcard.adapter.rest"),
                "PersistenceThatCallsRest");
    }

    @Test
    void the_technology_rule_fires_on_a_public_row_and_a_public_feign_interface() {
        JavaClasses planted = new ClassFileImporter().importClasses(PublicCardRow.class, PublicFeignApi.class);

        assertFiresOn(ArchitectureRules.TECHNOLOGY_TYPES_ARE_PACKAGE_PRIVATE, planted, "PublicCardRow");
        assertFiresOn(ArchitectureRules.TECHNOLOGY_TYPES_ARE_PACKAGE_PRIVATE, planted, "PublicFeignApi");
    }
}
