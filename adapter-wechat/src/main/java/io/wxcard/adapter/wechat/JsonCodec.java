package io.wxcard.adapter.wechat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import feign.RequestTemplate;
import feign.Response;
import feign.Util;
import feign.codec.DecodeException;
import feign.codec.Decoder;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Feign's {@link Encoder} and {@link Decoder} for WeChat's JSON, over byte arrays: one {@link ObjectWriter} per request
 * type and one {@link ObjectReader} per answer type, made once; the request is written straight to UTF-8 bytes, the
 * answer read straight from the bytes {@link JdkFeignClient} received (no {@code Reader}, no {@code String}), once.
 *
 * <p>As feign-jackson's pair (same bytes written, same records read): an empty answer (or HTTP 204) decodes to
 * {@code null}. Unlike it, an answer that is not JSON of the expected shape is a {@link DecodeException}, which
 * {@link CallRunner} reports as an unreadable answer, never an {@link IOException} (which passed for a broken
 * connection); both are transient and repeated only on idempotent endpoints. The exception's message never carries
 * the body: answers may hold tokens. Feign's {@code Content-Length} header template is dropped: the JDK client sets
 * the header from the body itself.
 */
final class JsonCodec implements Encoder, Decoder {

    private final ObjectMapper mapper;
    private final ConcurrentMap<Type, ObjectWriter> writers = new ConcurrentHashMap<>();
    private final ConcurrentMap<Type, ObjectReader> readers = new ConcurrentHashMap<>();

    JsonCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void encode(Object object, Type bodyType, RequestTemplate template) {
        try {
            template.body(writer(bodyType).writeValueAsBytes(object), StandardCharsets.UTF_8);
            // Feign adds it as a header template, expanded and copied on every call; the JDK client sets it anyway
            template.removeHeader(Util.CONTENT_LENGTH);
        } catch (JsonProcessingException e) {
            throw new EncodeException("cannot write the request body as JSON (" + e.getClass().getSimpleName() + ")",
                    e);
        }
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        if (response.status() == 204 || response.status() == 404 || response.body() == null) {
            return Util.emptyValueOf(type);
        }
        ObjectReader reader = reader(type);
        try {
            if (response.body() instanceof JdkFeignClient.Bytes bytes) {
                byte[] answer = bytes.bytes();
                return answer.length == 0 ? null : reader.readValue(answer);
            }
            byte[] answer;
            try (InputStream in = response.body().asInputStream()) {
                answer = in.readAllBytes();
            }
            return answer.length == 0 ? null : reader.readValue(answer);
        } catch (JsonProcessingException e) {
            throw new DecodeException(response.status(), "the answer is not the expected JSON ("
                    + e.getClass().getSimpleName() + ")", response.request(), e);
        }
    }

    ObjectWriter writer(Type type) {
        ObjectWriter writer = writers.get(type);
        return writer != null ? writer
                : writers.computeIfAbsent(type, t -> mapper.writerFor(mapper.getTypeFactory().constructType(t)));
    }

    ObjectReader reader(Type type) {
        ObjectReader reader = readers.get(type);
        return reader != null ? reader
                : readers.computeIfAbsent(type, t -> mapper.readerFor(mapper.getTypeFactory().constructType(t)));
    }
}
