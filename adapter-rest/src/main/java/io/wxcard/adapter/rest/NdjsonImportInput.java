package io.wxcard.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.adapter.rest.ImportResources.ImportLineJson;
import io.wxcard.application.port.in.ImportMembersUseCase.ImportLine;
import io.wxcard.application.port.in.ImportMembersUseCase.ImportRecord;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.shared.Problem;
import io.wxcard.domain.shared.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** One JSON object per line, each parsed on its own: a broken line fails alone. */
final class NdjsonImportInput extends ImportInput {
    private final InputStream in;
    private final byte[] chunk = new byte[64 * 1024];
    private int position;
    private int limit;
    private byte[] line = new byte[1024];
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
            return toRecord(Json.convert(tree, ImportLineJson.class, ""));
        } catch (ApiProblem.Answer wrongShape) {
            List<Problem> errors = wrongShape.problem.errors();
            return Either.left(errors.isEmpty() ? wrongShape.problem.detail()
                    : errors.get(0).field() + " " + errors.get(0).message());
        }
    }

    private static String syntaxError(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        int cut = message.indexOf(" (start marker");
        message = cut >= 0 ? message.substring(0, cut) : message;
        cut = message.indexOf('\n');
        message = cut >= 0 ? message.substring(0, cut) : message;
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
        boolean any = false;
        while (true) {
            if (position == limit) {
                int n = in.read(chunk);
                if (n < 0) {
                    if (!any) {
                        return false;
                    }
                    return ended();
                }
                position = 0;
                limit = n;
                continue;
            }
            any = true;
            int start = position;
            while (position < limit && chunk[position] != '\n') {
                position++;
            }
            append(start, position - start);
            if (position < limit) {
                position++;
                return ended();
            }
        }
    }

    private boolean ended() {
        number++;
        if (!tooLong && length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return true;
    }

    private void append(int start, int count) {
        if (tooLong || count == 0) {
            return;
        }
        if (length + count > MAX_LINE_BYTES) {
            tooLong = true;
            return;
        }
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        System.arraycopy(chunk, start, line, length, count);
        length += count;
    }
}
