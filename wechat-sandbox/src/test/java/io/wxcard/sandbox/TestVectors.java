package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The known-answer vectors kept in the repository's {@code test-vectors} directory (copies of shared/test-vectors). */
final class TestVectors {
    private TestVectors() {
    }

    static JsonNode load(String name) {
        try {
            return new ObjectMapper().readTree(Files.readString(vectorsDir().resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
