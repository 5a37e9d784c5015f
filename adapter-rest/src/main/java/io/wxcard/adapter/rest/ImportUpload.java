package io.wxcard.adapter.rest;

import io.javalin.http.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** A member import's upload being streamed, and the media type it was sent as (CSV or NDJSON). */
record ImportUpload(String mediaType, InputStream in) {


    /**
     * The body as a stream, its media type checked (CSV or NDJSON, UTF-8) and its size held to maxImportBytes: a
     * declared length beyond it is refused at once (413); past it while reading, the stream throws
     * {@link BodyTooLarge}. Javalin's maxRequestSize guards bodies read whole, which an import never is.
     */
    static ImportUpload of(Context ctx, long maxImportBytes) throws IOException {
        String mediaType = Params.checkContentType(ctx, List.of(ImportRoutes.CSV, ImportRoutes.NDJSON), "this route reads");
        if (ctx.req().getContentLengthLong() > maxImportBytes) {
            drain(ctx);
            throw tooLarge(maxImportBytes);
        }
        return new ImportUpload(mediaType, new LimitedInputStream(ctx.req().getInputStream(), maxImportBytes));
    }

    /** Reads what is left of a refused upload (up to 16 MiB), so that a client still sending sees the refusal. */
    static void drain(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            in.skipNBytes(Math.min(Math.max(0, ctx.req().getContentLengthLong()), 16L * 1024 * 1024));
        } catch (IOException | RuntimeException gone) {
            // the client went away, or the body broke off: there is nothing left to read
        }
    }

    private static ApiProblem.Answer tooLarge(long maxBytes) {
        return ApiProblem.of(ProblemType.BODY_TOO_LARGE, "the body is larger than " + maxBytes + " bytes").toAnswer();
    }

    /** Thrown by an upload's reads once it is longer than allowed. */
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
            return n <= 0 ? n : counted(n);
        }

        private int counted(int n) throws BodyTooLarge {
            count += n;
            if (count > maxBytes) {
                throw new BodyTooLarge(maxBytes);
            }
            return n;
        }
    }
}
