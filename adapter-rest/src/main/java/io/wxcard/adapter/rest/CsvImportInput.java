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

/** RFC 4180 through Jackson's CSV parser, one row at a time; the header row names the columns. */
final class CsvImportInput extends ImportInput {
    private final CsvParser parser;
    private final List<String> columns;
    private boolean finished;
    private long lastLine = 1;

    CsvImportInput(InputStream in) {
        // Bytes that are not UTF-8 become U+FFFD, which no value may hold: the row fails, not the upload.
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        try {
            parser = CSV.createParser(reader);
            parser.setSchema(CsvSchema.emptySchema());
            columns = header();
        } catch (JsonProcessingException unreadable) {
            throw ApiProblem.of(ProblemType.INVALID_REQUEST, "the CSV header cannot be read: "
                    + message(unreadable)).toAnswer();
        } catch (IOException e) {
            throw new UploadBroken(0, e);
        }
    }

    private List<String> header() throws IOException {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw ApiProblem.of(ProblemType.INVALID_REQUEST, "the upload is empty: a CSV import starts with a "
                    + "header row naming its columns, among " + ImportResources.COLUMNS + " (openid required)")
                    .toAnswer();
        }
        List<String> names = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
            String name = parser.getText();
            if (names.size() == MAX_COLUMNS) {
                throw ApiProblem.of(ProblemType.INVALID_REQUEST, "the CSV header is not an import's: it has more "
                        + "than " + MAX_COLUMNS + " columns", List.of(new Problem("header", "has more than "
                        + MAX_COLUMNS + " columns"))).toAnswer();
            }
            if (name.isEmpty()) {
                problems.add(new Problem("header", "column " + (names.size() + 1) + " has no name"));
            } else if (!ImportResources.COLUMNS.contains(name)) {
                problems.add(new Problem("header", "column " + (names.size() + 1) + " " + Params.abbreviate(name)
                        + " is not a column of an import; the columns are " + ImportResources.COLUMNS
                        + (name.contains(";") || name.contains("\t") ? " (separated by commas)" : "")));
            } else if (names.contains(name)) {
                problems.add(new Problem("header", "column " + Params.abbreviate(name) + " is named twice"));
            }
            names.add(name);
        }
        if (!names.contains("openid")) {
            problems.add(new Problem("header", "names no openid column, which every import needs"));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.of(ProblemType.INVALID_REQUEST, "the CSV header is not an import's: "
                    + problems.get(0).message() + (problems.size() > 1 ? " (and " + (problems.size() - 1)
                    + " more)" : ""), problems).toAnswer();
        }
        return List.copyOf(names);
    }

    @Override
    ImportLine read() {
        if (finished) {
            return null;
        }
        long line = lastLine + 1; // until the row's own line is known: unique, after the last row's
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                finished = true;
                return null;
            }
            line = parser.currentLocation().getLineNr();
            lastLine = line;
            Map<String, String> values = new LinkedHashMap<>();
            int count = 0;
            while (parser.nextToken() == JsonToken.VALUE_STRING) {
                if (count < columns.size() && !parser.getText().isEmpty()) {
                    values.put(columns.get(count), parser.getText());
                }
                count++;
            }
            if (count > columns.size()) {
                return new ImportLine(line, Either.left("has " + count + " values but the header names "
                        + columns.size() + " columns"));
            }
            return new ImportLine(line, csvRecord(values));
        } catch (StreamConstraintsException tooLong) {
            finished = true;
            return new ImportLine(line, Either.left("holds a value longer than " + MAX_CSV_VALUE_CHARS
                    + " characters (a quote never closed?); the rest of the upload was not read"));
        } catch (JsonProcessingException unreadable) {
            finished = true;
            return new ImportLine(line, Either.left("cannot be read as CSV (" + message(unreadable)
                    + "); the rest of the upload was not read"));
        } catch (IOException e) {
            throw new UploadBroken(line, e);
        }
    }

    private static Either<String, ImportRecord> csvRecord(Map<String, String> values) {
        List<String> problems = new ArrayList<>();
        Long points = number(values.get("points"), "points", problems);
        Long balance = number(values.get("balance"), "balance", problems);
        if (!problems.isEmpty()) {
            Either<String, ImportRecord> others = toRecord(new ImportLineJson(values.get("openid"),
                    values.get("code"), values.get("phone"), values.get("membership_number"), null, null));
            others.swap().forEach(problems::add);
            return Either.left(String.join("; ", problems));
        }
        return toRecord(new ImportLineJson(values.get("openid"), values.get("code"), values.get("phone"),
                values.get("membership_number"), points, balance));
    }

    private static Long number(String raw, String field, List<String> problems) {
        if (raw == null) {
            return null;
        }
        if (raw.matches("-?[0-9]{1,18}")) {
            return Long.parseLong(raw);
        }
        problems.add(field + " must be a whole number, got " + Params.abbreviate(raw));
        return null;
    }

    private static String message(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        return message.toLowerCase(Locale.ROOT).startsWith("missing closing quote")
                ? "a quoted value opened on this line is never closed" : message;
    }
}
