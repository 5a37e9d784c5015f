package io.wxcard.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.collection.Iterator;
import io.vavr.control.Either;
import io.wxcard.application.port.in.ImportLines;
import io.wxcard.domain.shared.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * An upload of one JSON object per line (member imports, ledger batches), each line read on its own by Jackson (from
 * its bytes, so that bytes which are not UTF-8 are Jackson's to refuse) into the upload's line type: a broken line
 * fails alone. Not one {@code MappingIterator} over the whole body, because after a syntax error Jackson cannot find
 * where the next value starts, and NDJSON says it is the next line. A first line that is not a JSON object refuses
 * the upload (it is not NDJSON at all), before anything is applied.
 */
final class NdjsonInput<T> {

    /** The longest line read; a longer one fails (it cannot hold a valid line) and the next is read. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    /** What a line's JSON object becomes: the line's value, or why not (naming the field). */
    interface LineReader<T> {
        T read(long number, Either<String, JsonNode> object);
    }

    private final InputStream in;
    private final LineReader<T> reader;
    /** Read a chunk at a time: BufferedInputStream's read() of one byte takes a lock, per byte of a 1 GB upload. */
    private final byte[] chunk = new byte[64 * 1024];
    private int position;
    private int limit;
    private final byte[] line = new byte[MAX_LINE_BYTES];
    private long number;
    private boolean first = true;

    private NdjsonInput(InputStream in, LineReader<T> reader) {
        this.in = in;
        this.reader = reader;
    }

    /**
     * The upload's lines, its first line read (a 400 when it is not a JSON object, or when there is none: the upload
     * holds no {@code what}); the lines throw {@link ImportLines.UploadBroken} when the body breaks off.
     */
    static <T> java.util.Iterator<T> open(InputStream in, String what, LineReader<T> reader) {
        NdjsonInput<T> lines = new NdjsonInput<>(in, reader);
        T firstLine = lines.read();
        if (firstLine == null) {
            throw ApiProblem.of(ProblemType.INVALID_REQUEST, "the upload holds no " + what + ": send one JSON object "
                    + "per line").toAnswer();
        }
        return Iterator.of(firstLine).concat(Iterator.continually(lines::read).takeWhile(Objects::nonNull));
    }

    /** A line's object as the record type; or its first problem (the field, or null for the whole line). */
    static <R> Either<Problem, R> convert(JsonNode object, Class<R> type) {
        try {
            return Either.right(Json.convert(object, type, ""));
        } catch (ApiProblem.Answer wrongShape) {
            return Either.left(wrongShape.problem.errors().isEmpty() ? new Problem(null, wrongShape.problem.detail())
                    : wrongShape.problem.errors().get(0));
        }
    }

    /** The next line that is not blank, or null at the end. */
    private T read() {
        try {
            for (int length = nextLine(); length >= 0; length = nextLine()) {
                Either<String, JsonNode> object = length > line.length
                        ? Either.left("is longer than " + MAX_LINE_BYTES + " bytes") : parse(length);
                if (object != null) {
                    first = false;
                    return reader.read(number, object);
                }
            }
            return null;
        } catch (IOException e) {
            throw new ImportLines.UploadBroken(number, e);
        }
    }

    /** The line's JSON object or reason; null for a blank line (Jackson finds no value in it). */
    private Either<String, JsonNode> parse(int length) {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(line, 0, length);
            if (tree == null || tree.isMissingNode()) {
                return null;
            }
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")";
            return notAnObject("is not valid JSON (UTF-8): " + Json.firstLine(e) + at);
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory failed", e);
        }
        return tree.isObject() ? Either.right(tree) : notAnObject("must be a JSON object, got " + Json.describe(tree));
    }

    /** The line's failure; on the first line, the upload's refusal (it is not NDJSON at all). */
    private Either<String, JsonNode> notAnObject(String reason) {
        if (first) {
            throw ApiProblem.of(ProblemType.INVALID_REQUEST, "the upload is not NDJSON: line " + number + " " + reason)
                    .toAnswer();
        }
        return Either.left(reason);
    }

    /**
     * Reads the next line (without its LF or CR LF) into {@code line}: its length, more than the buffer's when it
     * is longer (the rest is skipped), or -1 at the end of the upload.
     */
    private int nextLine() throws IOException {
        int length = 0;
        int b = nextByte();
        if (b < 0) {
            return -1;
        }
        for (; b >= 0 && b != '\n'; b = nextByte()) {
            if (length < line.length) {
                line[length] = (byte) b;
            }
            length = Math.min(length + 1, line.length + 1);
        }
        number++;
        return length > 0 && length <= line.length && line[length - 1] == '\r' ? length - 1 : length;
    }

    /** The next byte (0-255) of the upload; -1 at its end. */
    private int nextByte() throws IOException {
        if (position == limit) {
            position = 0;
            limit = Math.max(0, in.read(chunk));
            if (limit == 0) {
                return -1;
            }
        }
        return chunk[position++] & 0xFF;
    }
}
