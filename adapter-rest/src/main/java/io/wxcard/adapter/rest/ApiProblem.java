package io.wxcard.adapter.rest;

import io.wxcard.domain.shared.Problem;
import io.wxcard.domain.shared.RejectionCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem about to be answered: the type, title and status, a detail a person can act on, the offending
 * fields, and extension members ({@code code}, {@code wechat_errcode}, ...).
 */
record ApiProblem(int status, String type, String title, String detail, List<Problem> errors,
                  Map<String, Object> extensions) {

    ApiProblem {
        errors = List.copyOf(errors);
        extensions = Map.copyOf(extensions);
    }

    static ApiProblem of(ProblemType type, String detail) {
        return new ApiProblem(type.status, type.uri(), type.title, detail, List.of(), Map.of());
    }

    static ApiProblem of(ProblemType type, String detail, List<Problem> errors) {
        return new ApiProblem(type.status, type.uri(), type.title, detail, errors, Map.of());
    }

    static ApiProblem rejected(RejectionCode code, String detail, List<Problem> errors) {
        return new ApiProblem(ProblemType.statusOf(code), ProblemType.BASE + ProblemType.slugOf(code),
                ProblemType.titleOf(code), detail, errors, Map.of("code", code.name()));
    }

    ApiProblem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new ApiProblem(status, type, title, detail, errors, more);
    }

    /** The same problem with every field path put under a prefix (the domain names fields inside the card). */
    ApiProblem prefixed(String prefix) {
        List<Problem> moved = new ArrayList<>();
        for (Problem problem : errors) {
            moved.add(new Problem(prefix + problem.field(), problem.message()));
        }
        return new ApiProblem(status, type, title, detail, moved, extensions);
    }

    /** Thrown by handlers to answer this problem; carries no stack trace, since it is an answer, not a fault. */
    static final class Answer extends RuntimeException {
        final ApiProblem problem;

        Answer(ApiProblem problem) {
            super(problem.type() + ": " + problem.detail(), null, false, false);
            this.problem = problem;
        }
    }

    Answer toAnswer() {
        return new Answer(this);
    }
}
