package io.wxcard.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.vavr.control.Option;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.imports.ImportJobId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.shared.Problem;
import io.wxcard.domain.tenant.Tenant;
import io.wxcard.domain.tenant.TenantId;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * One request to one route, as the handlers see it: the caller's tenant, path and query values turned into domain
 * values (or answered 404 / 400), the body read within the size limit and parsed strictly, and the answer.
 */
final class Call {

    static final int DEFAULT_LIMIT = 50;
    /** How much of an oversized body is read and thrown away so that the client still sees the 413. */
    private static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    private final Context ctx;
    private final Route route;
    private final Tenant tenant;
    private final long maxBodyBytes;
    private byte[] body;
    private Map<String, String> query;

    Call(Context ctx, Route route, Tenant tenant, long maxBodyBytes) {
        this.ctx = ctx;
        this.route = route;
        this.tenant = tenant;
        this.maxBodyBytes = maxBodyBytes;
    }

    Context ctx() {
        return ctx;
    }

    /** The tenant whose API key came with the request; never taken from the request itself. */
    TenantId tenant() {
        return caller().id();
    }

    /** The caller's tenant as it stood when its API key was checked (its settings, say whether it has a merchant). */
    Tenant caller() {
        if (tenant == null) {
            throw new IllegalStateException("route " + route.path() + " is not authenticated");
        }
        return tenant;
    }

    // ---- path and query -----------------------------------------------------------------------------------------

    CardId cardId() {
        return pathValue("id", "card", CardId::new);
    }

    /** An import's id: one this platform could have made (1 to 128 of letters, digits, '_' and '-'), or 404. */
    ImportJobId importId() {
        return pathValue("id", "import", ImportJobId::new);
    }

    MembershipKey membershipKey() {
        CardId cardId = cardId();
        return new MembershipKey(tenant(), cardId, pathValue("code", "membership", Code::new));
    }

    /** A path value that cannot name anything (a card id with a space) names nothing: 404, with the reason. */
    private <T> T pathValue(String name, String what, Function<String, T> constructor) {
        String raw = ctx.pathParam(name);
        try {
            return constructor.apply(raw);
        } catch (IllegalArgumentException refused) {
            throw ApiProblem.of(ProblemType.NOT_FOUND, what + " " + abbreviate(raw) + " was not found: "
                    + refused.getMessage()).toAnswer();
        }
    }

    PageRequest page() {
        int offset = intQuery("offset", 0);
        int limit = intQuery("limit", DEFAULT_LIMIT);
        try {
            return new PageRequest(offset, limit);
        } catch (IllegalArgumentException refused) {
            String field = refused.getMessage().startsWith("offset") ? "offset" : "limit";
            throw invalidParameter(field, refused.getMessage());
        }
    }

    <E extends Enum<E>> Option<E> enumQuery(String name, Class<E> type) {
        String raw = query().get(name);
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

    private int intQuery(String name, int fallback) {
        String raw = query().get(name);
        if (raw == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException notANumber) {
            throw invalidParameter(name, "must be an integer, got " + abbreviate(raw));
        }
    }

    /** Query parameters the route does not know are refused, so that a typo is not read as "no filter". */
    void refuseUnknownQueryParameters() {
        Set<String> known = route.queryNames();
        for (String name : query().keySet()) {
            if (!known.contains(name)) {
                throw invalidParameter(name, "is not a query parameter of this route"
                        + (known.isEmpty() ? "; it takes none" : "; it takes " + known.stream().sorted().toList()));
            }
        }
    }

    /**
     * The query, decoded strictly: a parameter given twice, or percent-encoding that is not UTF-8, is refused rather
     * than dropped (which would silently turn a filter off).
     */
    Map<String, String> query() {
        if (query == null) {
            query = parseQuery(ctx.queryString());
        }
        return query;
    }

    static Map<String, String> parseQuery(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (parameters.putIfAbsent(name, value) != null) {
                throw invalidParameter(name, "is given more than once");
            }
        }
        return parameters;
    }

    private static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw notDecodable(encoded);
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                byte[] plain = String.valueOf(c == '+' ? ' ' : c).getBytes(StandardCharsets.UTF_8);
                bytes.write(plain, 0, plain.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException notUtf8) {
            throw notDecodable(encoded);
        }
    }

    private static ApiProblem.Answer notDecodable(String encoded) {
        return invalidParameter("query", "holds " + abbreviate(encoded) + ", which is not percent-encoded UTF-8");
    }

    static ApiProblem.Answer invalidParameter(String name, String message) {
        return ApiProblem.of(ProblemType.INVALID_REQUEST, name + " " + message, List.of(new Problem(name, message)))
                .toAnswer();
    }

    // ---- body ---------------------------------------------------------------------------------------------------

    /** The body as a strict JSON object of the given record type. */
    <T> T body(Class<T> type) {
        return Json.convert(jsonBody(), type, "");
    }

    ObjectNode jsonBody() {
        return Json.readObject(rawBody());
    }

    /**
     * For routes that take nothing: no body, or an empty JSON object (some clients always send one). Anything else is
     * refused, so that a caller who thinks the route takes options learns it does not.
     */
    void noBody() {
        byte[] raw = rawBody();
        if (raw.length == 0) {
            return;
        }
        JsonNode tree = Json.readObject(raw);
        if (tree.size() > 0) {
            throw ApiProblem.of(ProblemType.INVALID_REQUEST, "this route takes no body; send none or {}").toAnswer();
        }
    }

    /** Like {@link #body(Class)}, where no body at all means every field absent. */
    <T> T optionalBody(Class<T> type) {
        byte[] raw = rawBody();
        return Json.convert(raw.length == 0 ? Json.MAPPER.createObjectNode() : Json.readObject(raw), type, "");
    }

    /** The raw bytes, read up to the size limit; a body of another media type than the route takes is refused. */
    byte[] rawBody() {
        if (body == null) {
            boolean hasBody = ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
            if (hasBody) {
                checkContentType();
            }
            body = readLimited(ctx, maxBodyBytes);
        }
        return body;
    }

    /**
     * The body as a stream, for routes that take one too large to hold ({@link Route#linesBody()}): its media type
     * checked (one the route takes, UTF-8) and its size limited to {@code maxBytes}: a declared length beyond it is
     * refused at once (413); past it while reading, the stream throws {@link BodyTooLarge}.
     */
    Streamed streamedBody(long maxBytes) {
        String mediaType = checkContentType();
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            drainBody();
            throw tooLarge(maxBytes);
        }
        try {
            return new Streamed(mediaType, new LimitedInputStream(ctx.req().getInputStream(), maxBytes));
        } catch (IOException e) {
            throw new UncheckedIOException("the request body could not be read", e);
        }
    }

    /**
     * Reads what is left of the body (up to 16 MiB) and throws it away, so that a client still sending sees the
     * refusal; past that, the connection is closed after the answer instead.
     */
    void drainBody() {
        try {
            drain(ctx.req().getInputStream(), -1);
        } catch (IOException | RuntimeException gone) {
            // the client went away, or the body broke off: there is nothing left to read
        }
    }

    /** A body being streamed, and the media type it was sent as. */
    record Streamed(String mediaType, InputStream in) {}

    /** Thrown by a streamed body's reads once it is longer than allowed. */
    static final class BodyTooLarge extends IOException {
        final long maxBytes;

        BodyTooLarge(long maxBytes) {
            super("the body is larger than " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }

        ApiProblem.Answer toAnswer() {
            return tooLarge(maxBytes);
        }
    }

    /** Reads through, failing once more than {@code maxBytes} came. */
    private static final class LimitedInputStream extends FilterInputStream {
        private final long maxBytes;
        private long count;

        LimitedInputStream(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) throws BodyTooLarge {
            count += n;
            if (count > maxBytes) {
                throw new BodyTooLarge(maxBytes);
            }
        }
    }

    /** The body's media type, when it is one the route takes (and UTF-8); otherwise 415. */
    private String checkContentType() {
        String header = ctx.header("Content-Type");
        List<String> accepted = route.requestMediaTypes();
        if (header == null || header.isBlank()) {
            throw ApiProblem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "the body has no Content-Type; send " + accepted)
                    .toAnswer();
        }
        String[] parts = header.split(";");
        String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
        if (!accepted.contains(mediaType)) {
            throw ApiProblem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "this route takes " + accepted + ", not "
                    + abbreviate(mediaType)).toAnswer();
        }
        String format = route.linesBody() ? "this route reads" : "JSON is read as";
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].trim().split("=", 2);
            if (parameter[0].trim().equalsIgnoreCase("charset") && parameter.length == 2
                    && !parameter[1].trim().replace("\"", "").equalsIgnoreCase("utf-8")) {
                throw ApiProblem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, format + " UTF-8 only, not "
                        + abbreviate(parameter[1].trim())).toAnswer();
            }
        }
        return mediaType;
    }

    /** Reads the body, refusing (413) one larger than the limit without keeping it in memory. */
    static byte[] readLimited(Context ctx, long maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared > maxBytes) {
                drain(in, declared);
                throw tooLarge(maxBytes);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
            byte[] buffer = new byte[8192];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > maxBytes) {
                    drain(in, -1);
                    throw tooLarge(maxBytes);
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the request body could not be read", e);
        }
    }

    private static void drain(InputStream in, long declared) throws IOException {
        if (declared > DRAIN_LIMIT) {
            return; // not worth reading: the connection is closed after the answer instead
        }
        byte[] buffer = new byte[8192];
        long total = 0;
        int read;
        while (total < DRAIN_LIMIT && (read = in.read(buffer)) != -1) {
            total += read;
        }
    }

    private static ApiProblem.Answer tooLarge(long maxBytes) {
        return ApiProblem.of(ProblemType.BODY_TOO_LARGE, "the body is larger than " + maxBytes + " bytes").toAnswer();
    }

    // ---- headers and answers ------------------------------------------------------------------------------------

    String header(String name) {
        return ctx.header(name);
    }

    void answer(int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }

    static String abbreviate(String raw) {
        if (raw == null) {
            return "null";
        }
        return raw.length() <= 64 ? "'" + raw + "'" : "'" + raw.substring(0, 64) + "...'";
    }
}
