package io.wxcard.domain.activation;

import io.wxcard.domain.shared.Text;

/** Names one activation session; handed out by the application, safe in a URL path. */
public record ActivationSessionId(String value) {
    public ActivationSessionId {
        Text.requireIdentifier(value, "activation session id", 128);
    }

    @Override
    public String toString() {
        return value;
    }
}
