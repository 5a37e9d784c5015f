package io.wxcard.adapter.persistence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON columns. Only persistence documents (records in this package) and string maps go through here, never
 * domain types, so the stored shape changes only when a document does.
 *
 * <p>Unknown properties are ignored: during a rolling upgrade an older instance may read what a newer one wrote.
 */
final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, null))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final TypeReference<TreeMap<String, String>> STRING_MAP = new TypeReference<>() {};
    private static final String HEX = "0123456789ABCDEF";

    private Json() {}

    static String write(Object document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("could not write " + document.getClass().getSimpleName() + " as JSON",
                    impossible);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " is not valid JSON: "
                    + corrupt.getOriginalMessage(), null);
        }
    }

    /**
     * A map of strings as a JSON object, its keys in order; written by hand (a points change writes one per outbox
     * task), exactly as Jackson writes it: only {@code "}, {@code \\} and control characters are escaped.
     */
    static String writeStrings(Map<String, String> map) {
        Map<String, String> sorted = map instanceof TreeMap<String, String> tree && tree.comparator() == null
                ? map : new TreeMap<>(map);
        StringBuilder json = new StringBuilder(16 + 32 * sorted.size()).append('{');
        for (Map.Entry<String, String> field : sorted.entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            quote(json, field.getKey()).append(':');
            if (field.getValue() == null) {
                json.append("null");
            } else {
                quote(json, field.getValue());
            }
        }
        return json.append('}').toString();
    }

    private static StringBuilder quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20) {
                        json.append("\\u00").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }

    static Map<String, String> readStrings(String json) {
        if (json.equals("{}")) {
            return new TreeMap<>(); // most memberships have no form answers: no parser needed
        }
        try {
            return MAPPER.readValue(json, STRING_MAP);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("a stored map of strings is not valid JSON: "
                    + corrupt.getOriginalMessage(), null);
        }
    }
}
