package io.wxcard.adapter.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.ValidationConfig;
import io.javalin.http.Context;
import io.javalin.validation.ValidationError;
import io.vavr.control.Option;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.segment.SegmentId;
import io.wxcard.domain.shared.Text;
import io.wxcard.domain.store.StoreId;
import io.wxcard.domain.imports.ImportJobId;
import io.wxcard.domain.ledger.LedgerBatchId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.shared.Problem;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What handlers read from a request, through Javalin's own accessors: path values turned into domain values by
 * Javalin's validators (one that cannot name anything answers 404), query parameters (a typo or a repeat is refused
 * rather than read as "no filter"), and JSON bodies of the media type a route takes, read within Javalin's
 * {@code maxRequestSize} and parsed strictly by {@link Json}.
 */
final class Params {

    static final String JSON = "application/json";
    static final String MERGE_PATCH = "application/merge-patch+json";
    static final int DEFAULT_LIMIT = 50;

    private Params() {}

    /** The domain values that path parameters convert to, for {@code ctx.pathParamAsClass}. */
    static void registerConverters(ValidationConfig validation) {
        validation.register(CardId.class, CardId::new);
        validation.register(Code.class, Code::new);
        validation.register(ImportJobId.class, ImportJobId::new);
        validation.register(LedgerBatchId.class, LedgerBatchId::new);
        validation.register(StoreId.class, StoreId::new);
        validation.register(SegmentId.class, SegmentId::new);
    }

    // ---- path ---------------------------------------------------------------------------------------------------

    static CardId cardId(Context ctx) {
        return ctx.pathParamAsClass("id", CardId.class).getOrThrow(errors -> notFound("card", ctx.pathParam("id"), errors));
    }

    static MembershipKey membershipKey(Context ctx) {
        CardId card = cardId(ctx);
        Code code = ctx.pathParamAsClass("code", Code.class)
                .getOrThrow(errors -> notFound("membership", ctx.pathParam("code"), errors));
        return new MembershipKey(Access.tenant(ctx), card, code);
    }

    /** An import's id: one this platform could have made (1 to 128 of letters, digits, '_' and '-'), or 404. */
    static ImportJobId importId(Context ctx) {
        return ctx.pathParamAsClass("id", ImportJobId.class).getOrThrow(errors -> notFound("import", ctx.pathParam("id"), errors));
    }

    /** A ledger batch's id, as {@link #importId} checks an import's. */
    static LedgerBatchId ledgerBatchId(Context ctx) {
        return ctx.pathParamAsClass("id", LedgerBatchId.class)
                .getOrThrow(errors -> notFound("ledger batch", ctx.pathParam("id"), errors));
    }

    /** A store's id from the path parameter of that name; one no store could have is 404. */
    static StoreId storeId(Context ctx, String name) {
        return ctx.pathParamAsClass(name, StoreId.class)
                .getOrThrow(errors -> notFound("store", ctx.pathParam(name), errors));
    }

    static SegmentId segmentId(Context ctx) {
        return ctx.pathParamAsClass("segment", SegmentId.class)
                .getOrThrow(errors -> notFound("segment", ctx.pathParam("segment"), errors));
    }

    /** A path value that cannot name anything (a card id with a space) names nothing: 404, with the reason. */
    private static ApiProblem.Answer notFound(String what, String raw, Map<String, ? extends List<ValidationError<Object>>> errors) {
        ValidationError<?> error = errors.values().iterator().next().get(0);
        String reason = error.exception() != null ? error.exception().getMessage() : error.getMessage();
        return ApiProblem.of(ProblemType.NOT_FOUND, what + " " + abbreviate(raw) + " was not found: " + reason).toAnswer();
    }

    // ---- query --------------------------------------------------------------------------------------------------

    /**
     * Refuses a query parameter the route does not take, one given twice, and percent-encoding that is not UTF-8
     * (Javalin's own decoding would drop or garble it, silently turning a filter off).
     */
    static void checkQuery(Context ctx, Set<String> known) {
        String raw = ctx.queryString();
        if (raw == null || raw.isEmpty()) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            decode(equals < 0 ? "" : pair.substring(equals + 1));
            if (!known.contains(name)) {
                throw invalidParameter(name, "is not a query parameter of this route" + (known.isEmpty()
                        ? "; it takes none" : "; it takes " + known.stream().sorted().toList()));
            }
            if (!seen.add(name)) {
                throw invalidParameter(name, "is given more than once");
            }
        }
    }

    /** The JDK's form decoding; bytes that are not UTF-8 come out as U+FFFD, which no caller means to send. */
    private static String decode(String encoded) {
        try {
            String decoded = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
            if (decoded.indexOf('\uFFFD') < 0) {
                return decoded;
            }
        } catch (IllegalArgumentException badEscape) {
            // answered below, like bytes that are not UTF-8
        }
        throw notDecodable(encoded);
    }

    private static ApiProblem.Answer notDecodable(String encoded) {
        return invalidParameter("query", "holds " + abbreviate(encoded) + ", which is not percent-encoded UTF-8");
    }

    static PageRequest page(Context ctx) {
        int offset = ctx.queryParamAsClass("offset", Integer.class).getOrDefault(0);
        int limit = ctx.queryParamAsClass("limit", Integer.class).getOrDefault(DEFAULT_LIMIT);
        try {
            return new PageRequest(offset, limit);
        } catch (IllegalArgumentException refused) {
            throw invalidParameter(refused.getMessage().startsWith("offset") ? "offset" : "limit", refused.getMessage());
        }
    }

    static <E extends Enum<E>> Option<E> enumQuery(Context ctx, String name, Class<E> type) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return Option.none();
        }
        try {
            return Option.of(Enum.valueOf(type, raw));
        } catch (IllegalArgumentException unknown) {
            throw invalidParameter(name, "must be one of " + Arrays.toString(type.getEnumConstants()) + ", got "
                    + abbreviate(raw));
        }
    }

    static ApiProblem.Answer invalidParameter(String name, String message) {
        return ApiProblem.of(ProblemType.INVALID_REQUEST, name + " " + message, List.of(new Problem(name, message)))
                .toAnswer();
    }

    // ---- body ---------------------------------------------------------------------------------------------------

    /** The body as a strict JSON object of the given record type. */
    static <T> T body(Context ctx, Class<T> type) {
        return Json.convert(jsonBody(ctx, JSON), type, "");
    }

    /** Like {@link #body}, where no body at all means every field absent. */
    static <T> T optionalBody(Context ctx, Class<T> type) {
        return Json.convert(hasBody(ctx) ? jsonBody(ctx, JSON) : Json.MAPPER.createObjectNode(), type, "");
    }

    /**
     * For routes that take nothing: no body, or an empty JSON object (some clients always send one). Anything else is
     * refused, so that a caller who thinks the route takes options learns it does not.
     */
    static void noBody(Context ctx) {
        if (hasBody(ctx) && jsonBody(ctx, JSON).size() > 0) {
            throw ApiProblem.of(ProblemType.INVALID_REQUEST, "this route takes no body; send none or {}").toAnswer();
        }
    }

    /**
     * The body as a JSON object, when it is of a media type the route takes (and UTF-8). Javalin's
     * {@code bodyAsBytes} holds it within {@code maxRequestSize}; bytes rather than a String, so that a body that is
     * not UTF-8 is refused by Jackson instead of read with replacement characters.
     */
    static ObjectNode jsonBody(Context ctx, String... mediaTypes) {
        if (hasBody(ctx)) {
            checkContentType(ctx, List.of(mediaTypes), "JSON is read as");
        }
        return Json.readObject(ctx.bodyAsBytes());
    }

    private static boolean hasBody(Context ctx) {
        return ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
    }

    /** The body's media type, when it is one the route takes (and UTF-8); otherwise 415. */
    static String checkContentType(Context ctx, List<String> accepted, String format) {
        String header = ctx.header("Content-Type");
        if (header == null || header.isBlank()) {
            throw ApiProblem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "the body has no Content-Type; send " + accepted)
                    .toAnswer();
        }
        String mediaType = header.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!accepted.contains(mediaType)) {
            throw ApiProblem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "this route takes " + accepted + ", not "
                    + abbreviate(mediaType)).toAnswer();
        }
        String charset = ctx.req().getCharacterEncoding(); // the servlet container's reading of the charset parameter
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw ApiProblem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, format + " UTF-8 only, not " + abbreviate(charset))
                    .toAnswer();
        }
        return mediaType;
    }

    /** A value as a problem names it ({@link Text#quoted}). */
    static String abbreviate(String raw) {
        return Text.quoted(raw);
    }
}
