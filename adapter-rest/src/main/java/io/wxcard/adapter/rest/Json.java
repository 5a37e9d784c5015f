package io.wxcard.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.wxcard.domain.shared.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * JSON in and out, strictly: a body is parsed to a tree first (so that broken JSON and JSON of the wrong shape are
 * told apart), then converted to an adapter-private record, failing on unknown fields, on every coercion (no
 * {@code "5"} for 5, no 1.0 for 1, no 1 for true) and on duplicate keys. Errors name the field by its JSON path.
 */
final class Json {

    static final int MAX_DEPTH = 64;
    static final int MAX_NUMBER_LENGTH = 100;

    static final ObjectMapper MAPPER = createMapper();

    private Json() {}

    private static ObjectMapper createMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build())
                .build();
        ObjectMapper mapper = new ObjectMapper(factory);
        mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        mapper.setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // Nulls inside arrays mean nothing in this API; refusing them keeps every list free of holes.
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        mapper.registerModule(new SimpleModule().addDeserializer(String.class, new TextDeserializer()));
        for (LogicalType type : LogicalType.values()) {
            var coercion = mapper.coercionConfigFor(type);
            for (CoercionInputShape shape : CoercionInputShape.values()) {
                if (!isNatural(type, shape)) {
                    coercion.setCoercion(shape, CoercionAction.Fail);
                }
            }
        }
        return mapper;
    }

    /**
     * Text must be text: no unpaired surrogate (which no UTF-8 database column can hold) and no NUL character.
     * Jackson's own reading of strings (and its coercion rules), then this check.
     */
    private static final class TextDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = super.deserialize(p, ctxt);
            for (int i = 0; text != null && i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == 0 || Character.isLowSurrogate(c) || Character.isHighSurrogate(c)
                        && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(++i)))) {
                    throw InvalidFormatException.from(p, "holds a NUL character or an unpaired surrogate "
                            + "(\\ud800-\\udfff): must be valid Unicode text without NUL characters", text, String.class);
                }
            }
            return text;
        }
    }

    /** Whether a JSON value of this shape is what a field of this type naturally holds. */
    private static boolean isNatural(LogicalType type, CoercionInputShape shape) {
        return switch (type) {
            case Integer -> shape == CoercionInputShape.Integer;
            case Float -> shape == CoercionInputShape.Integer || shape == CoercionInputShape.Float;
            case Boolean -> shape == CoercionInputShape.Boolean;
            case Textual -> shape == CoercionInputShape.String || shape == CoercionInputShape.EmptyString;
            case Array, Collection, Map, POJO -> shape == CoercionInputShape.Array
                    || shape == CoercionInputShape.EmptyArray || shape == CoercionInputShape.Object
                    || shape == CoercionInputShape.EmptyObject;
            default -> true;
        };
    }

    // ---- reading --------------------------------------------------------------------------------------------------

    /** The body as a JSON object; anything else is answered 400. */
    static ObjectNode readObject(byte[] body) {
        JsonNode tree = readTree(body);
        if (!tree.isObject()) {
            throw ApiProblem.of(ProblemType.INVALID_REQUEST, "the body must be a JSON object, got " + describe(tree))
                    .toAnswer();
        }
        return (ObjectNode) tree;
    }

    static JsonNode readTree(byte[] body) {
        if (body.length == 0) {
            throw ApiProblem.of(ProblemType.INVALID_REQUEST, "the body is empty; send a JSON object").toAnswer();
        }
        try {
            JsonNode tree = MAPPER.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw ApiProblem.of(ProblemType.INVALID_REQUEST, "the body is empty; send a JSON object").toAnswer();
            }
            return tree;
        } catch (StreamConstraintsException e) {
            String limit = e.getOriginalMessage() != null && e.getOriginalMessage().contains("nesting")
                    ? "it nests deeper than " + MAX_DEPTH + " levels"
                    : "a number has more than " + MAX_NUMBER_LENGTH + " digits";
            throw ApiProblem.of(ProblemType.MALFORMED_JSON, "the body is refused: " + limit).toAnswer();
        } catch (JsonProcessingException e) {
            throw ApiProblem.of(ProblemType.MALFORMED_JSON, "the body is not valid JSON (UTF-8): " + syntaxError(e))
                    .toAnswer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Converts a tree to a record; a field of the wrong type or an unknown field is answered 400. */
    static <T> T convert(JsonNode tree, Class<T> type, String pathPrefix) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            String field = pathPrefix + pathOf(e.getPath());
            throw ApiProblem.of(ProblemType.INVALID_REQUEST, "the body does not have the expected shape: " + field
                    + " " + mappingError(e, tree), List.of(new Problem(field, mappingError(e, tree)))).toAnswer();
        } catch (JsonProcessingException e) {
            throw ApiProblem.of(ProblemType.MALFORMED_JSON, "the body is not valid JSON: " + syntaxError(e)).toAnswer();
        }
    }

    // ---- writing --------------------------------------------------------------------------------------------------

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    // ---- messages -------------------------------------------------------------------------------------------------

    static String pathOf(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String mappingError(JsonMappingException e, JsonNode tree) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            Collection<Object> known = unknown.getKnownPropertyIds();
            String names = known == null ? "" : known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return "is not a known field; the fields here are: " + names;
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class) {
            return invalid.getOriginalMessage();
        }
        JsonNode found = nodeAt(tree, e.getPath());
        String got = found == null ? "" : ", got " + describe(found);
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + expected(mismatch.getTargetType()) + got;
        }
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.contains("out of range of int")) {
            return "must be an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE + got;
        }
        if (message.contains("out of range of long")) {
            return "must be an integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE + got;
        }
        return "is not valid here" + got;
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return "an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE;
        }
        if (type == Long.class || type == long.class) {
            return "an integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE;
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a different kind of value";
    }

    static String describe(JsonNode node) {
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isIntegralNumber()) {
            return "an integer";
        }
        if (node.isNumber()) {
            return "a number with a fraction or an exponent";
        }
        if (node.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static JsonNode nodeAt(JsonNode tree, List<JsonMappingException.Reference> path) {
        JsonNode node = tree;
        for (JsonMappingException.Reference reference : path) {
            if (node == null) {
                return null;
            }
            node = reference.getFieldName() != null ? node.get(reference.getFieldName()) : node.get(reference.getIndex());
        }
        return node;
    }

    private static String syntaxError(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        int cut = message.indexOf(" (start marker");
        if (cut >= 0) {
            message = message.substring(0, cut);
        }
        cut = message.indexOf('\n');
        if (cut >= 0) {
            message = message.substring(0, cut);
        }
        var location = e.getLocation();
        return location == null ? message
                : message + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
