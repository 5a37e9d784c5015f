package io.wxcard.adapter.wechat;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * The Feign {@link Client} of both APIs: one request on the shared JDK {@link HttpClient}, as feign-java11's
 * {@code Http2Client} makes it, without its per-call costs. The answer is read whole into a byte array by the client
 * (no {@code InputStream} handed across threads, no connection given up because a decoder stopped reading before the
 * end), at most {@code maxAnswerBytes}: a longer one fails as an {@link IOException} before it is all in memory. The
 * client's fixed headers go with every request (constant ones, which Feign would otherwise expand from templates on
 * every call), then the request's own as they are, less those the JDK sets itself ({@code Content-Length}, {@code Host},
 * {@code Connection}, {@code Expect}, {@code Upgrade}); the answer's headers are handed to Feign only when
 * {@code keepAnswerHeaders} (WeChat Pay, whose signature travels in them), so the Official Account API copies none.
 * When the per-call options are {@link TokenOptions}, their {@code access_token=...} is appended to the query string.
 * The read timeout is the per-call {@link Request.Options}' (cut to the caller's deadline by {@link CallRunner}); the
 * connect timeout and redirects are the shared client's, which {@link WechatHttp} builds from the same settings.
 */
final class JdkFeignClient implements Client {

    private final HttpClient http;
    private final String[] fixedHeaders;
    private final int maxAnswerBytes;
    private final boolean keepAnswerHeaders;

    /**
     * @param fixedHeaders      name, value, name, value ... sent with every request besides the request's own (the
     *                          constant ones, so that Feign need not expand them as templates on every call)
     * @param maxAnswerBytes    longer answers fail
     * @param keepAnswerHeaders whether Feign's {@link Response} gets the answer's headers
     */
    JdkFeignClient(HttpClient http, List<String> fixedHeaders, int maxAnswerBytes, boolean keepAnswerHeaders) {
        if (fixedHeaders.size() % 2 != 0) {
            throw new IllegalArgumentException("fixed headers come as name, value pairs");
        }
        this.http = http;
        this.fixedHeaders = fixedHeaders.toArray(String[]::new);
        this.maxAnswerBytes = maxAnswerBytes;
        this.keepAnswerHeaders = keepAnswerHeaders;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(toJdk(request, options), info -> new BoundedBytes(maxAnswerBytes));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the answer");
        }
        byte[] body = inflated(answer.body(), answer.headers());
        Response.Builder response = Response.builder()
                .status(answer.statusCode())
                .request(request)
                .protocolVersion(answer.version() == HttpClient.Version.HTTP_2 ? Request.ProtocolVersion.HTTP_2
                        : Request.ProtocolVersion.HTTP_1_1)
                .body(new Bytes(body));
        if (keepAnswerHeaders) {
            response.headers(asFeignHeaders(answer.headers().map()));
        }
        return response.build();
    }

    private HttpRequest toJdk(Request request, Request.Options options) throws IOException {
        URI uri;
        try {
            uri = URI.create(options instanceof TokenOptions token ? withQuery(request.url(), token.queryParameter())
                    : request.url());
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid request URI", e); // never the URL itself: it carries the access_token
        }
        HttpRequest.Builder jdk = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMillis(options.readTimeoutMillis()));
        for (int i = 0; i < fixedHeaders.length; i += 2) {
            jdk.header(fixedHeaders[i], fixedHeaders[i + 1]);
        }
        for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
            if (!setByTheJdk(header.getKey())) {
                for (String value : header.getValue()) {
                    jdk.header(header.getKey(), value);
                }
            }
        }
        byte[] body = request.body();
        return jdk.method(request.httpMethod().name(),
                body == null || body.length == 0 ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body)).build();
    }

    private static String withQuery(String url, String parameter) {
        return url + (url.indexOf('?') < 0 ? '?' : '&') + parameter;
    }

    /** Headers the JDK client refuses to be given (it sets them itself). */
    static boolean setByTheJdk(String name) {
        return name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Host")
                || name.equalsIgnoreCase("Connection") || name.equalsIgnoreCase("Expect")
                || name.equalsIgnoreCase("Upgrade");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, Collection<String>> asFeignHeaders(Map<String, List<String>> headers) {
        return (Map) headers; // read-only, and copied by Feign's Response anyway
    }

    /** Nothing asks for compressed answers; should a server compress anyway, the body is inflated as Http2Client does. */
    private byte[] inflated(byte[] body, HttpHeaders headers) throws IOException {
        List<String> encodings = headers.allValues("Content-Encoding");
        if (encodings.isEmpty() || body.length == 0) {
            return body;
        }
        InputStream in;
        if (encodings.contains("gzip")) {
            in = new GZIPInputStream(new ByteArrayInputStream(body));
        } else if (encodings.contains("deflate")) {
            in = new InflaterInputStream(new ByteArrayInputStream(body));
        } else {
            return body;
        }
        try (in) {
            byte[] inflated = in.readNBytes(maxAnswerBytes + 1);
            if (inflated.length > maxAnswerBytes) {
                throw new IOException("answer larger than " + maxAnswerBytes + " bytes");
            }
            return inflated;
        }
    }

    /** An answer body held in memory: decoders read the array itself ({@link #bytes()}), nothing is copied. */
    static final class Bytes implements Response.Body {
        private final byte[] bytes;

        Bytes(byte[] bytes) {
            this.bytes = bytes;
        }

        byte[] bytes() {
            return bytes;
        }

        @Override
        public Integer length() {
            return bytes.length;
        }

        @Override
        public boolean isRepeatable() {
            return true;
        }

        @Override
        public InputStream asInputStream() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public Reader asReader(Charset charset) {
            return new InputStreamReader(asInputStream(), charset);
        }

        @Override
        public void close() {}

        @Override
        public String toString() {
            return "[" + bytes.length + " bytes]"; // never the content: an answer may hold a token
        }
    }

    /** The whole body as one array, like {@code BodySubscribers.ofByteArray()}, but giving up past {@code limit}. */
    static final class BoundedBytes implements HttpResponse.BodySubscriber<byte[]> {
        private final int limit;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final List<ByteBuffer> received = new ArrayList<>(2);
        private Flow.Subscription subscription;
        private long size;

        BoundedBytes(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                size += item.remaining();
                received.add(item);
            }
            if (size > limit) {
                received.clear();
                subscription.cancel();
                result.completeExceptionally(new IOException("answer larger than " + limit + " bytes"));
            }
        }

        @Override
        public void onError(Throwable failure) {
            received.clear();
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            if (result.isDone()) {
                return;
            }
            byte[] all = new byte[(int) size];
            int at = 0;
            for (ByteBuffer item : received) {
                int n = item.remaining();
                item.get(all, at, n);
                at += n;
            }
            received.clear();
            result.complete(all);
        }
    }
}
