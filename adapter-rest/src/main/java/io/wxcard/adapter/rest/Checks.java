package io.wxcard.adapter.rest;

import io.vavr.control.Option;
import io.wxcard.domain.shared.Problem;
import io.wxcard.domain.shared.RejectionCode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Collects what is wrong with a request's values, field by field, so that one answer lists every problem. Values
 * are checked by the domain's own constructors: their {@link IllegalArgumentException} becomes the field's message.
 */
final class Checks {

    private final List<Problem> problems = new ArrayList<>();

    void add(String field, String message) {
        problems.add(new Problem(field, message));
    }

    /** Every problem's message, "; "-separated (the domain's messages name their field). */
    String messages() {
        return String.join("; ", problems.stream().map(Problem::message).toList());
    }

    /** The problems recorded, in order. */
    List<Problem> problems() {
        return List.copyOf(problems);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** The value; a missing one is recorded as "is required". */
    <T> T required(String field, T value) {
        if (value == null) {
            add(field, "is required");
        }
        return value;
    }

    /** The raw value turned into a domain value, or none (and a problem) when the domain refuses it. */
    <R, T> Option<T> parse(String field, R raw, Function<R, T> constructor) {
        if (raw == null) {
            return Option.none();
        }
        try {
            return Option.of(constructor.apply(raw));
        } catch (IllegalArgumentException refused) {
            add(field, refused.getMessage());
            return Option.none();
        }
    }

    /** Like {@link #parse}, for a value that must be there. */
    <R, T> Option<T> parseRequired(String field, R raw, Function<R, T> constructor) {
        return required(field, raw) == null ? Option.none() : parse(field, raw, constructor);
    }

    /**
     * The command built from values already checked field by field, or null: not built when a field has a problem,
     * and its own refusal recorded as the given field's.
     */
    <T> T build(String field, Supplier<T> constructor) {
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            return constructor.get();
        } catch (IllegalArgumentException refused) {
            add(field, refused.getMessage());
            return null;
        }
    }

    /** Answers 422 (invalid-input) with every problem recorded, if there is any. */
    void answerIfAny(String detail) {
        answerIfAny(null, detail);
    }

    /** Answers 422 with the rejection code's type (invalid-input for none) and every problem recorded, if any. */
    void answerIfAny(RejectionCode code, String what) {
        if (problems.isEmpty()) {
            return;
        }
        String detail = what + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ", first "
                + problems.get(0).field() + " " + problems.get(0).message();
        throw (code == null ? ApiProblem.of(ProblemType.INVALID_INPUT, detail, List.copyOf(problems))
                : ApiProblem.rejected(code, detail, List.copyOf(problems))).toAnswer();
    }

    /**
     * Builds a command whose constructor checks the input: its refusal is answered 422, with the constructor's
     * message (the domain's messages name the field and never hold secrets).
     */
    static <T> T command(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException refused) {
            throw ApiProblem.of(ProblemType.INVALID_INPUT, refused.getMessage()).toAnswer();
        }
    }
}
