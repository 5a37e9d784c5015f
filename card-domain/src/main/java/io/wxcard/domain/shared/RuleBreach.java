package io.wxcard.domain.shared;

import java.util.List;
import java.util.Objects;

/**
 * A {@link Problem} with the rule it breaks named, for those who show it in their own words (the console, in Chinese
 * or English): {@link #key()} is stable where the English message may be reworded.
 *
 * @param field     where, in WeChat's JSON names, as {@link Problem#field()}
 * @param rule      which rule, in snake case: {@code required}, {@code too_long}, {@code not_a_url}, ...
 * @param arguments the rule's figures, in the order its message names them (for {@code too_long}: the limit, then
 *                  the length given)
 * @param message   the rule's English message, as {@link Problem#message()}
 */
public record RuleBreach(String field, String rule, List<String> arguments, String message) {

    public RuleBreach {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        arguments = List.copyOf(arguments);
    }

    public static RuleBreach of(String field, String rule, String message, Object... arguments) {
        return new RuleBreach(field, rule, java.util.Arrays.stream(arguments).map(String::valueOf).toList(), message);
    }

    /** The field and the rule: {@code member_card.base_info.title.too_long}. */
    public String key() {
        return field + "." + rule;
    }

    public Problem problem() {
        return new Problem(field, message);
    }
}
