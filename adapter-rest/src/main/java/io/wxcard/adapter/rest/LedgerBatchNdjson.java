package io.wxcard.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Either;
import io.wxcard.adapter.rest.LedgerBatchResources.LedgerLineJson;
import io.wxcard.application.port.in.ApplyLedgerBatchUseCase.BatchLine;
import io.wxcard.application.port.in.ApplyLedgerBatchUseCase.LedgerLine;
import io.wxcard.application.port.in.ImportLines;
import io.wxcard.domain.shared.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A ledger batch as NDJSON: each line read on its own by Jackson from its bytes, so a broken line fails alone (after
 * a syntax error Jackson could not find where a stream's next value starts; NDJSON says it is the next line).
 */
final class LedgerBatchNdjson {
    private final InputStream in;
    private final byte[] chunk = new byte[64 * 1024];
    private int position;
    private int limit;
    private final byte[] line = new byte[ImportInput.MAX_LINE_BYTES];
    private long number;
    private boolean first = true;

    LedgerBatchNdjson(InputStream in) {
        this.in = in;
    }

    /** The next line that is not blank, or null at the end; a first line that is not a JSON object is refused. */
    BatchLine read() {
        try {
            for (int length = nextLine(); length >= 0; length = nextLine()) {
                Either<String, LedgerLine> parsed = length > line.length
                        ? Either.left("line: is longer than " + ImportInput.MAX_LINE_BYTES + " bytes") : parse(length);
                if (parsed != null) {
                    first = false;
                    return new BatchLine(number, parsed);
                }
            }
            return null;
        } catch (IOException e) {
            throw new ImportLines.UploadBroken(number, e);
        }
    }

    private Either<String, LedgerLine> parse(int length) {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(line, 0, length);
            if (tree == null || tree.isMissingNode()) {
                return null;
            }
        } catch (JsonProcessingException e) {
            return notAnObject("is not valid JSON (UTF-8): " + Json.firstLine(e));
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory failed", e);
        }
        if (!tree.isObject()) {
            return notAnObject("must be a JSON object, got " + Json.describe(tree));
        }
        try {
            return LedgerBatchInput.toLine(Json.convert(tree, LedgerLineJson.class, ""));
        } catch (ApiProblem.Answer wrongShape) {
            List<Problem> errors = wrongShape.problem.errors();
            return Either.left(errors.isEmpty() ? "line: " + wrongShape.problem.detail()
                    : LedgerBatchInput.reasons(errors.subList(0, 1)));
        }
    }

    private Either<String, LedgerLine> notAnObject(String reason) {
        if (first) {
            throw ApiProblem.of(ProblemType.INVALID_REQUEST, "the upload is not NDJSON: line " + number + " " + reason)
                    .toAnswer();
        }
        return Either.left("line: " + reason);
    }

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
