package io.wxcard.adapter.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The known-answer vectors kept in the repository's {@code test-vectors} directory (copies of shared/test-vectors). */
final class TestVectors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestVectors() {}

    static JsonNode load(String name) {
        try {
            return JSON.readTree(Files.readString(vectorsDir().resolve(name)));
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

    /** The repository's {@code test-vectors} directory: WXCARD_TEST_VECTORS_DIR (set by the build), else found upwards. */
    private static Path vectorsDir() {
        String configured = System.getenv("WXCARD_TEST_VECTORS_DIR");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("test-vectors/wechat-msg-crypto.json"))) {
                return dir.resolve("test-vectors");
            }
        }
        throw new IllegalStateException("the repository's test-vectors directory was not found; set WXCARD_TEST_VECTORS_DIR");
    }
}
