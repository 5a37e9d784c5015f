package io.wxcard.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Either;
import io.wxcard.adapter.rest.ImportResources.ImportLineJson;
import io.wxcard.application.port.in.ImportMembersUseCase.ImportLine;
import io.wxcard.application.port.in.ImportMembersUseCase.ImportRecord;
import io.wxcard.domain.shared.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** One JSON object per line, each parsed on its own: a broken line fails alone. */
final class NdjsonImportInput extends ImportInput {
    private final InputStream in;
    private final byte[] chunk = new byte[64 * 1024];
    private int position;
    private int limit;
    private final byte[] line = new byte[MAX_LINE_BYTES];
    private int length;
    private boolean tooLong;
    private long number;
    /** Whether the last line read was not a JSON object at all (syntax, or another kind of value). */
    private boolean notAnObject;

    NdjsonImportInput(InputStream in) {
        this.in = in;
    }

    @Override
    void checkFirst(ImportLine first) {
        if (notAnObject) {
            throw ApiProblem.of(ProblemType.INVALID_REQUEST, "the upload is not NDJSON: line " + first.lineNumber()
                    + " " + first.record().getLeft()).toAnswer();
        }
    }

    @Override
    ImportLine read() {
        try {
            while (nextLine()) {
                if (!blank()) {
                    return new ImportLine(number, parse());
                }
            }
            return null;
        } catch (IOException e) {
            throw new UploadBroken(number, e);
        }
    }

    private Either<String, ImportRecord> parse() {
        notAnObject = false;
        if (tooLong) {
            return Either.left("is longer than " + MAX_LINE_BYTES + " bytes");
        }
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(line, 0, length);
        } catch (JsonProcessingException e) {
            notAnObject = true;
            return Either.left("is not valid JSON (UTF-8): " + syntaxError(e));
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory failed", e);
        }
        if (!tree.isObject()) {
            notAnObject = true;
            return Either.left("must be a JSON object, got " + Json.describe(tree));
        }
        try {
            return toRecord(Json.convert(tree, ImportLineJson.class, ""), new Checks());
        } catch (ApiProblem.Answer wrongShape) {
            List<Problem> errors = wrongShape.problem.errors();
            return Either.left(errors.isEmpty() ? wrongShape.problem.detail()
                    : errors.get(0).field() + " " + errors.get(0).message());
        }
    }

    private static String syntaxError(JsonProcessingException e) {
        String message = Json.firstLine(e);
        return e.getLocation() == null ? message : message + " (column " + e.getLocation().getColumnNr() + ")";
    }

    private boolean blank() {
        for (int i = 0; i < length; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return !tooLong;
    }

    /** The next line (without its CR LF or LF) into {@code line}; false at the end of the upload. */
    private boolean nextLine() throws IOException {
        length = 0;
        tooLong = false;
        int b = nextByte();
        if (b < 0) {
            return false;
        }
        for (; b >= 0 && b != '\n'; b = nextByte()) {
            if (length < MAX_LINE_BYTES) {
                line[length++] = (byte) b;
            } else {
                tooLong = true;
            }
        }
        number++;
        if (!tooLong && length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return true;
    }

    /** The next byte (0-255) from the upload, read a chunk at a time; -1 at its end. */
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
