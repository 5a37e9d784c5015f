package io.wxcard.adapter.persistence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON columns, written and read by Jackson. Only persistence documents (records in this package) and string maps
 * go through here, never domain types, so the stored shape changes only when a document does.
 *
 * <p>Unknown properties are ignored: during a rolling upgrade an older instance may read what a newer one wrote. Map
 * keys are written in order, so equal maps are stored as equal text.
 */
final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, null))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final TypeReference<TreeMap<String, String>> STRING_MAP = new TypeReference<>() {};

    private Json() {}

    /** A document, or a map of strings (its keys in order). */
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

    static Map<String, String> readStrings(String json) {
        try {
            return MAPPER.readValue(json, STRING_MAP);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("a stored map of strings is not valid JSON: "
                    + corrupt.getOriginalMessage(), null);
        }
    }
}
