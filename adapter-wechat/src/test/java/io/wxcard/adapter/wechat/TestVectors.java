package io.wxcard.adapter.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The known-answer vectors in {@code shared/test-vectors} (WXCARD_SHARED_DIR, set by the build). */
final class TestVectors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestVectors() {}

    static JsonNode load(String name) {
        try {
            return JSON.readTree(Files.readString(sharedDir().resolve("test-vectors").resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the test vector " + name, e);
        }
    }

    static String text(JsonNode vector, String field) {
        JsonNode value = vector.get(field);
        if (value == null) {
            throw new IllegalArgumentException("the vector has no " + field);
        }
        return value.asText();
    }

    private static Path sharedDir() {
        String configured = System.getenv("WXCARD_SHARED_DIR");
        for (Path candidate : new Path[] {configured == null ? null : Path.of(configured), Path.of("../../shared"),
            Path.of("../shared"), Path.of("/work/shared")}) {
            if (candidate != null && Files.isDirectory(candidate.resolve("test-vectors"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/test-vectors not found; set WXCARD_SHARED_DIR");
    }
}
