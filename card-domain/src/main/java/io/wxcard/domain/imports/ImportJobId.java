package io.wxcard.domain.imports;

import io.wxcard.domain.shared.Text;

/** Names one import of existing members; handed out by the application, safe in a URL path. */
public record ImportJobId(String value) {
    public ImportJobId {
        Text.requireIdentifier(value, "import id", 128);
    }

    @Override
    public String toString() {
        return value;
    }
}
