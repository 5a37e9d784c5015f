package io.wxcard.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wxcard.adapter.rest.CardDefinitionJson.CardDocument;
import io.wxcard.adapter.rest.DistributionResources.LandingPageRequest;
import io.wxcard.adapter.rest.MembershipResources.InvalidateRequest;
import io.wxcard.adapter.rest.MembershipResources.LedgerChangeRequest;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the OpenAPI document calls required (swagger's {@code @Schema(requiredMode = REQUIRED)}, which the document's required lists come from) is what the API refuses to go without: every required
 * field, left out of an otherwise valid body, is answered 422 naming that field (or, for an object, the field
 * inside it that is missing), and nothing changes.
 */
class RequiredFieldsTest {

    private static WriteTargets targets;

    @BeforeAll
    static void start() {
        targets = new WriteTargets();
    }

    @AfterAll
    static void stop() {
        targets.close();
    }

    @Test
    void every_required_field_of_a_card_is_refused_when_missing() throws Exception {
        assertEveryRequiredFieldIsEnforced("draftCard", CardDocument.class, Cards.minimal());
    }

    @Test
    void every_required_field_of_the_other_bodies_is_refused_when_missing() throws Exception {
        assertEveryRequiredFieldIsEnforced("createLandingPage", LandingPageRequest.class,
                SecurityTest.VALID_BODIES.get("createLandingPage"));
        assertEveryRequiredFieldIsEnforced("changePoints", LedgerChangeRequest.class, SecurityTest.VALID_BODIES.get("changePoints"));
        assertEveryRequiredFieldIsEnforced("invalidateMembership", InvalidateRequest.class,
                SecurityTest.VALID_BODIES.get("invalidateMembership"));
    }

    private static void assertEveryRequiredFieldIsEnforced(String operationId, Class<?> type, String validBody)
            throws Exception {
        JsonNode valid = Http.JSON.readTree(validBody);
        List<String> required = new ArrayList<>();
        collectRequired(type, valid, "", required);
        assertThat(required).as("required fields of %s found in the valid body", type.getSimpleName()).isNotEmpty();
        Route route = targets.route(operationId);
        for (String path : required) {
            String before = targets.h.state();
            Http.Answer answer = targets.send(route, Http.JSON.writeValueAsBytes(without(valid, path)), "application/json");
            assertThat(answer.status()).as("%s without %s: %s", operationId, path, answer).isEqualTo(422);
            List<String> fields = CardRoutesTest.fields(answer);
            assertThat(fields).as("%s without %s names it (or the field inside it)", operationId, path)
                    .anyMatch(field -> field.equals(path) || field.startsWith(path + "."));
            assertThat(targets.h.state()).isEqualTo(before);
        }
    }

    /** The paths of the required fields present in the document, walking records and the document together. */
    private static void collectRequired(Class<?> type, JsonNode node, String prefix, List<String> paths) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = Route.jsonName(component);
            JsonNode child = node.get(name);
            if (child == null) {
                continue;
            }
            String path = prefix + name;
            io.swagger.v3.oas.annotations.media.Schema schema =
                    component.getAccessor().getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
            if (schema != null && schema.requiredMode() == io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED) {
                paths.add(path);
            }
            if (component.getType().isRecord()) {
                collectRequired(component.getType(), child, path + ".", paths);
            }
        }
    }

    private static JsonNode without(JsonNode document, String path) {
        JsonNode copy = document.deepCopy();
        String[] names = path.split("\\.");
        JsonNode parent = copy;
        for (int i = 0; i < names.length - 1; i++) {
            parent = parent.get(names[i]);
        }
        ((ObjectNode) parent).remove(names[names.length - 1]);
        return copy;
    }

}
