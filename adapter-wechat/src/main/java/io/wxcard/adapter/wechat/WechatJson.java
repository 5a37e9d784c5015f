package io.wxcard.adapter.wechat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON the way WeChat writes and reads it: snake_case names, absent values left out, unknown fields ignored (WeChat
 * adds fields without notice), numbers accepted as numeric strings, and Chinese text written as UTF-8, never as
 * {@code \\uXXXX} escapes. A decimal where an integer belongs is refused, not truncated.
 */
final class WechatJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // money is integer fen: 12.5 is an unreadable answer, never silently 12
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private WechatJson() {}

    /** What every Official Account answer carries; absent {@code errcode} means success. */
    interface Answer {
        Long errcode();

        String errmsg();

        default boolean succeeded() {
            return errcode() == null || errcode() == 0;
        }
    }
}
