package io.wxcard.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON reading the way WeChat reads it: unknown fields are ignored, numbers may arrive as numeric strings, booleans
 * as "true"/"false". Anything that cannot be read at all is 47001 (data format error).
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * The bytes of an answer. Always UTF-8 whatever the content type says: WeChat's own content type carries
     * {@code encoding=utf-8}, not a {@code charset}, so the servlet container would otherwise pick ISO-8859-1.
     */
    static byte[] utf8(JsonNode node) {
        return write(node).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The request body as a JSON object: 44002 when empty, 47001 when not a JSON object. */
    static ObjectNode parseObject(String body) {
        if (body == null || body.isBlank()) {
            throw new WxException(44002, "empty post data");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw WxException.dataFormat("the body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw WxException.dataFormat("the body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    static boolean has(JsonNode node, String field) {
        return node != null && node.hasNonNull(field);
    }

    /** A text field; numbers are accepted and read as their text. Null when absent or null. */
    static String text(JsonNode node, String field) {
        if (!has(node, field)) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value.isValueNode()) {
            return value.asText();
        }
        throw WxException.dataFormat(field + " must be a string");
    }

    static String requiredText(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isEmpty()) {
            throw WxException.missingField(field);
        }
        return value;
    }

    /**
     * An integer field, given as a JSON number or a numeric string. Null when absent. A number written with a
     * fraction part of zero ({@code 5000.0}) is that integer: clients that model amounts as doubles (WxJava's
     * {@code balance}, {@code init_balance}, since 2018) send it so, which WeChat evidently takes (undocumented:
     * its examples show only integers); a real fraction ({@code 50.5}) is 47001 like any other non-integer.
     */
    static Long integer(JsonNode node, String field) {
        if (!has(node, field)) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isFloatingPointNumber()) {
            try {
                return value.decimalValue().longValueExact();
            } catch (ArithmeticException e) {
                // a fraction, or out of range: refused below
            }
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.asText().trim());
            } catch (NumberFormatException e) {
                // fall through to the refusal below
            }
        }
        throw WxException.dataFormat(field + " must be an integer");
    }

    static boolean bool(JsonNode node, String field, boolean absent) {
        if (!has(node, field)) {
            return absent;
        }
        JsonNode value = node.get(field);
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isTextual() && (value.asText().equals("true") || value.asText().equals("false"))) {
            return Boolean.parseBoolean(value.asText());
        }
        if (value.isIntegralNumber()) {
            return value.asLong() != 0;
        }
        throw WxException.dataFormat(field + " must be true or false");
    }

    /** The text values of an array field; empty when absent. */
    static List<String> texts(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        if (!has(node, field)) {
            return values;
        }
        JsonNode array = node.get(field);
        if (!array.isArray()) {
            throw WxException.dataFormat(field + " must be an array");
        }
        array.forEach(item -> {
            if (!item.isValueNode()) {
                throw WxException.dataFormat(field + " must hold strings");
            }
            values.add(item.asText());
        });
        return values;
    }

    /** An object field, or null when absent; 47001 when present but not an object. */
    static ObjectNode objectField(JsonNode node, String field) {
        if (!has(node, field)) {
            return null;
        }
        JsonNode value = node.get(field);
        if (!value.isObject()) {
            throw WxException.dataFormat(field + " must be an object");
        }
        return (ObjectNode) value;
    }
}
