package io.wxcard.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Either;
import io.wxcard.adapter.rest.ImportResources.ImportLineJson;
import io.wxcard.application.port.in.ImportLines;
import io.wxcard.application.port.in.ImportMembersUseCase.ImportLine;
import io.wxcard.application.port.in.ImportMembersUseCase.ImportRecord;
import io.wxcard.domain.shared.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * One JSON object per line, each read on its own by Jackson (from its bytes, so that bytes which are not UTF-8 are
 * Jackson's to refuse): a broken line fails alone. Not one {@code MappingIterator} over the whole body, because
 * after a syntax error Jackson cannot find where the next value starts, and NDJSON says it is the next line.
 */
final class NdjsonImportInput {
    private final InputStream in;
    /** Read a chunk at a time: BufferedInputStream's read() of one byte takes a lock, per byte of a 1 GB upload. */
    private final byte[] chunk = new byte[64 * 1024];
    private int position;
    private int limit;
    private final byte[] line = new byte[ImportInput.MAX_LINE_BYTES];
    private long number;
    private boolean first = true;

    NdjsonImportInput(InputStream in) {
        this.in = in;
    }

    /** The next line that is not blank, or null at the end; a first line that is not a JSON object is refused. */
    ImportLine read() {
        try {
            for (int length = nextLine(); length >= 0; length = nextLine()) {
                Either<String, ImportRecord> record = length > line.length
                        ? Either.left("is longer than " + ImportInput.MAX_LINE_BYTES + " bytes") : parse(length);
                if (record != null) {
                    first = false;
                    return new ImportLine(number, record);
                }
            }
            return null;
        } catch (IOException e) {
            throw new ImportLines.UploadBroken(number, e);
        }
    }

    /** The line's record or reason; null for a blank line (Jackson finds no value in it). */
    private Either<String, ImportRecord> parse(int length) {
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
        if (!tree.isObject()) {
            return notAnObject("must be a JSON object, got " + Json.describe(tree));
        }
        try {
            return ImportLines.record(ImportInput.fields(Json.convert(tree, ImportLineJson.class, "")));
        } catch (ApiProblem.Answer wrongShape) {
            List<Problem> errors = wrongShape.problem.errors();
            return Either.left(errors.isEmpty() ? wrongShape.problem.detail()
                    : errors.get(0).field() + " " + errors.get(0).message());
        }
    }

    /** The line's failure; on the first line, the upload's refusal (it is not NDJSON at all). */
    private Either<String, ImportRecord> notAnObject(String reason) {
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
