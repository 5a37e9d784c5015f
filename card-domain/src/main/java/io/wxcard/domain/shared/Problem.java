package io.wxcard.domain.shared;

import java.util.Objects;

/**
 * One thing wrong with some input.
 *
 * @param field   where, in WeChat's own JSON names (for example {@code member_card.base_info.title}), so that anyone who
 *                knows WeChat's documentation finds the field
 * @param message what is wrong and what is allowed
 */
public record Problem(String field, String message) {
    public Problem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
