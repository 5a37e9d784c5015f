package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Strict reading of the state file: unlike the API's lenient {@link Json}, a missing or mistyped field is a corrupt
 * file and fails the start with {@link IllegalArgumentException} naming the field (the caller adds the file name).
 */
final class StateJson {
    private StateJson() {
    }

    static JsonNode required(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing field \"" + field + "\"");
        }
        return value;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("field \"" + field + "\" must be a string");
        }
        return value.asText();
    }

    /** A text field that may be absent or null. */
    static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("field \"" + field + "\" must be a string");
        }
        return value.asText();
    }

    static long number(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("field \"" + field + "\" must be an integer");
        }
        return value.asLong();
    }

    static Long optionalNumber(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : number(node, field);
    }

    static boolean bool(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isBoolean()) {
            throw new IllegalArgumentException("field \"" + field + "\" must be true or false");
        }
        return value.asBoolean();
    }

    static ObjectNode object(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isObject()) {
            throw new IllegalArgumentException("field \"" + field + "\" must be an object");
        }
        return (ObjectNode) value;
    }

    static ObjectNode optionalObject(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : object(node, field);
    }

    static ArrayNode array(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isArray()) {
            throw new IllegalArgumentException("field \"" + field + "\" must be an array");
        }
        return (ArrayNode) value;
    }

    /** An array that older files may not have: empty when absent. */
    static ArrayNode optionalArray(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Json.array() : array(node, field);
    }
}
