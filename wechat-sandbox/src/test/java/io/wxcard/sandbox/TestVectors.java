package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The known-answer vectors in the project's shared directory (WXCARD_SHARED_DIR, or found from here upwards). */
final class TestVectors {
    private TestVectors() {
    }

    static JsonNode load(String name) {
        try {
            return new ObjectMapper().readTree(Files.readString(sharedDir().resolve("test-vectors").resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path sharedDir() {
        String env = System.getenv("WXCARD_SHARED_DIR");
        if (env != null && Files.isDirectory(Path.of(env, "test-vectors"))) {
            return Path.of(env);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared/test-vectors"))) {
                return dir.resolve("shared");
            }
        }
        throw new IllegalStateException("cannot find shared/test-vectors; set WXCARD_SHARED_DIR");
    }
}
