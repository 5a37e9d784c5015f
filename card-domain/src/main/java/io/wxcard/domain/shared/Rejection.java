package io.wxcard.domain.shared;

import java.util.List;
import java.util.Objects;

/**
 * A business "no": an operation that is not allowed in the aggregate's current state, or input that breaks one of
 * WeChat's rules. It is a value, returned on the left of an {@code Either}, never thrown, so that the reason reaches
 * the person who asked.
 *
 * @param code     stable, machine-readable; clients branch on it
 * @param reason   a sentence a person can act on
 * @param problems every offending field, when the rejection is about input (empty otherwise)
 */
public record Rejection(RejectionCode code, String reason, List<Problem> problems) {

    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
        problems = List.copyOf(problems);
    }

    public static Rejection of(RejectionCode code, String reason) {
        return new Rejection(code, reason, List.of());
    }

    public static Rejection invalid(RejectionCode code, String reason, List<Problem> problems) {
        return new Rejection(code, reason, problems);
    }
}
