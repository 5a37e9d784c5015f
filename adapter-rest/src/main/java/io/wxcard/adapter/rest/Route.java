package io.wxcard.adapter.rest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One route, described once: what {@link RestApi} registers with Javalin and what {@link OpenApi} documents. A route
 * that is not in the table is neither served nor documented (a test checks that Javalin serves nothing else).
 */
record Route(
        String method,
        String path,
        String operationId,
        String summary,
        String description,
        String tag,
        boolean authenticated,
        Class<?> requestBody,
        boolean requestBodyRequired,
        List<String> requestMediaTypes,
        boolean linesBody,
        int successStatus,
        Class<?> responseBody,
        boolean pagedResponse,
        String responseMediaType,
        List<String> otherResponseMediaTypes,
        List<Param> queryParams,
        boolean strictQuery,
        List<Param> headerParams,
        List<Param> responseHeaders,
        Set<Integer> errorStatuses,
        Action action) {

    static final String JSON = "application/json";
    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String TEXT = "text/plain";
    static final String CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";

    /** What a route does with a request. */
    @FunctionalInterface
    interface Action {
        void run(Call call) throws Exception;
    }

    /** A query parameter or header. */
    record Param(String name, String description, boolean required, String type, List<String> allowed) {}

    Set<String> queryNames() {
        return queryParams.stream().map(Param::name).collect(Collectors.toSet());
    }

    /** The path's {@code {name}} segments. */
    List<String> pathParams() {
        List<String> names = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.startsWith("{") && segment.endsWith("}")) {
                names.add(segment.substring(1, segment.length() - 1));
            }
        }
        return names;
    }

    /** Whether a concrete path (say {@code /v1/cards/c1}) is one this route's template describes. */
    boolean matches(String concretePath) {
        String[] template = path.split("/");
        String[] actual = concretePath.replaceAll("/+$", "").split("/");
        if (template.length != actual.length) {
            return false;
        }
        for (int i = 0; i < template.length; i++) {
            if (!template[i].startsWith("{") && !template[i].equals(actual[i])) {
                return false;
            }
        }
        return true;
    }

    static Builder get(String path) {
        return new Builder("GET", path);
    }

    static Builder post(String path) {
        return new Builder("POST", path);
    }

    static Builder put(String path) {
        return new Builder("PUT", path);
    }

    static Builder patch(String path) {
        return new Builder("PATCH", path);
    }

    static Builder delete(String path) {
        return new Builder("DELETE", path);
    }

    /** Reads like the route it builds. */
    static final class Builder {
        private final String method;
        private final String path;
        private String operationId;
        private String summary = "";
        private String description = "";
        private String tag = "";
        private boolean authenticated = true;
        private Class<?> requestBody;
        private boolean requestBodyRequired;
        private List<String> requestMediaTypes = List.of(JSON);
        private boolean linesBody;
        private int successStatus = 200;
        private Class<?> responseBody;
        private boolean paged;
        private String responseMediaType = JSON;
        private final List<String> otherResponseMediaTypes = new ArrayList<>();
        private final List<Param> query = new ArrayList<>();
        private boolean strictQuery = true;
        private final List<Param> headers = new ArrayList<>();
        private final List<Param> responseHeaders = new ArrayList<>();
        private final Set<Integer> errors = new TreeSet<>();

        private Builder(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Builder id(String operationId, String summary) {
            this.operationId = operationId;
            this.summary = summary;
            return this;
        }

        Builder describe(String description) {
            this.description = description;
            return this;
        }

        Builder tag(String tag) {
            this.tag = tag;
            return this;
        }

        /** No API key: the route is public (health, metrics, the document) or signed otherwise (WeChat's pushes). */
        Builder open() {
            this.authenticated = false;
            return this;
        }

        Builder takes(Class<?> body) {
            this.requestBody = body;
            this.requestBodyRequired = true;
            return this;
        }

        Builder mayTake(Class<?> body) {
            this.requestBody = body;
            this.requestBodyRequired = false;
            return this;
        }

        /**
         * A body of records, one per line (or CSV row), each with the fields of {@code lineType}; it is streamed, not
         * read whole, so the JSON body limit does not apply.
         */
        Builder takesLines(Class<?> lineType, String... mediaTypes) {
            this.requestBody = lineType;
            this.requestBodyRequired = true;
            this.linesBody = true;
            return mediaTypes(mediaTypes);
        }

        Builder mediaTypes(String... types) {
            this.requestMediaTypes = List.of(types);
            return this;
        }

        Builder answers(int status, Class<?> body) {
            this.successStatus = status;
            this.responseBody = body;
            return this;
        }

        Builder answersPage(Class<?> itemType) {
            this.responseBody = itemType;
            this.paged = true;
            return query("offset", "How many to skip; 0 when absent.", "integer")
                    .query("limit", "How many at most, 1 to 200; " + Call.DEFAULT_LIMIT + " when absent.", "integer");
        }

        Builder answersText(String mediaType) {
            this.responseMediaType = mediaType;
            return this;
        }

        /** The same answer in another (text) media type, chosen by the caller. */
        Builder alsoAnswers(String mediaType) {
            this.otherResponseMediaTypes.add(mediaType);
            return this;
        }

        Builder query(String name, String description, String type, String... allowed) {
            query.add(new Param(name, description, false, type, List.of(allowed)));
            return this;
        }

        /** Query parameters beyond those listed are passed on, not refused (WeChat adds its own). */
        Builder anyQuery() {
            this.strictQuery = false;
            return this;
        }

        Builder header(String name, String description, boolean required) {
            headers.add(new Param(name, description, required, "string", List.of()));
            return this;
        }

        /** A header the successful answer carries (beyond X-Request-Id, which every answer carries). */
        Builder answerHeader(String name, String description) {
            responseHeaders.add(new Param(name, description, false, "string", List.of()));
            return this;
        }

        Builder errors(Integer... statuses) {
            errors.addAll(List.of(statuses));
            return this;
        }

        Route handle(Action action) {
            Set<Integer> all = new LinkedHashSet<>(errors);
            if (authenticated) {
                all.add(401);
            }
            if (strictQuery) {
                all.add(400); // an unknown query parameter is refused
            }
            boolean write = method.equals("POST") || method.equals("PUT") || method.equals("PATCH") || method.equals("DELETE");
            if (authenticated && write) {
                all.addAll(List.of(400, 413, 415)); // the body is read (or refused) by Call
            }
            all.add(500);
            return new Route(method, path, operationId, summary, description, tag, authenticated, requestBody,
                    requestBodyRequired, requestMediaTypes, linesBody, successStatus, responseBody, paged,
                    responseMediaType, List.copyOf(otherResponseMediaTypes), List.copyOf(query), strictQuery, List.copyOf(headers), List.copyOf(responseHeaders), new TreeSet<>(all),
                    action);
        }
    }
}
