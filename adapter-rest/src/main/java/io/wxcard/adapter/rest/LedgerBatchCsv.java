package io.wxcard.adapter.rest;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.vavr.control.Either;
import io.wxcard.adapter.rest.LedgerBatchResources.LedgerLineJson;
import io.wxcard.application.port.in.ApplyLedgerBatchUseCase.BatchLine;
import io.wxcard.application.port.in.ImportLines;
import io.wxcard.domain.shared.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A ledger batch as RFC 4180 CSV, through Jackson's CSV parser as the member import reads it: the header row is read
 * and checked first, then becomes the schema a {@link MappingIterator} binds every later row by.
 */
final class LedgerBatchCsv {

    private static final CsvMapper CSV = CsvMapper.builder(CsvFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(ImportLines.MAX_CSV_VALUE_CHARS).build())
                    .enable(CsvParser.Feature.SKIP_EMPTY_LINES, CsvParser.Feature.EMPTY_STRING_AS_NULL)
                    .disable(CsvParser.Feature.ALLOW_TRAILING_COMMA)
                    .build())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    private static final ObjectReader ROWS = CSV.readerFor(CsvRow.class);
    private static final String SURPLUS = "_surplus";

    /** A row as text, by the header's names (an empty value is absent). */
    static final class CsvRow {
        public String code;
        public String phone;
        public String membershipNumber;
        public String points;
        public String pointsTarget;
        public String balance;
        public String balanceTarget;
        public String reason;
        public String idempotencyKey;
        public String notifyMember;
        private int surplus;

        @JsonAnySetter
        void surplus(String name, Object value) {
            surplus++;
        }
    }

    private final MappingIterator<CsvRow> rows;
    private final int columns;
    private boolean finished;
    private long lastLine = 1;

    LedgerBatchCsv(InputStream in) {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        try {
            CsvParser parser = CSV.getFactory().createParser(reader);
            parser.setSchema(CsvSchema.emptySchema());
            List<String> names = header(parser);
            columns = names.size();
            parser.setSchema(CsvSchema.builder().addColumns(names, CsvSchema.ColumnType.STRING)
                    .setAnyPropertyName(SURPLUS).build());
            parser.clearCurrentToken();
            rows = ROWS.readValues(parser);
        } catch (JsonProcessingException unreadable) {
            throw ApiProblem.of(ProblemType.INVALID_REQUEST, "the CSV header cannot be read: "
                    + unreadable.getOriginalMessage()).toAnswer();
        } catch (IOException e) {
            throw new ImportLines.UploadBroken(0, e);
        }
    }

    private static List<String> header(CsvParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw ApiProblem.of(ProblemType.INVALID_REQUEST, "the upload is empty: a CSV ledger batch starts with a "
                    + "header row naming its columns, among " + LedgerBatchResources.COLUMNS).toAnswer();
        }
        List<String> names = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (JsonToken value = parser.nextToken(); value != null && value.isScalarValue(); value = parser.nextToken()) {
            String text = parser.getValueAsString("");
            String name = names.isEmpty() ? text.replaceFirst("^\uFEFF", "") : text;
            if (names.size() == LedgerBatchResources.COLUMNS.size()) {
                problems.add(new Problem("header", "has more columns than a ledger batch has ("
                        + LedgerBatchResources.COLUMNS + ")"));
                break;
            } else if (!LedgerBatchResources.COLUMNS.contains(name)) {
                problems.add(new Problem("header", "column " + (names.size() + 1) + " " + Params.abbreviate(name)
                        + " is not a column of a ledger batch; the columns are " + LedgerBatchResources.COLUMNS));
            } else if (names.contains(name)) {
                problems.add(new Problem("header", "column " + Params.abbreviate(name) + " is named twice"));
            }
            names.add(name);
        }
        for (String required : List.of("reason", "idempotency_key")) {
            if (!names.contains(required)) {
                problems.add(new Problem("header", "names no " + required + " column, which every line needs"));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.of(ProblemType.INVALID_REQUEST, "the CSV header is not a ledger batch's: "
                    + problems.get(0).message(), problems).toAnswer();
        }
        return names;
    }

    /** The next row, or null at the end (and after a row that cannot be read: the rest cannot be told apart). */
    BatchLine read() {
        long line = lastLine + 1;
        try {
            if (finished || !rows.hasNextValue()) {
                finished = true;
                return null;
            }
            line = rows.getCurrentLocation().getLineNr();
            lastLine = line;
            CsvRow row = rows.nextValue();
            if (row.surplus > 0) {
                return new BatchLine(line, Either.left("line: has " + (columns + row.surplus) + " values but the "
                        + "header names " + columns + " columns"));
            }
            Checks checks = new Checks();
            LedgerLineJson json = new LedgerLineJson(row.code, row.phone, row.membershipNumber,
                    number(checks, "points", row.points), number(checks, "points_target", row.pointsTarget),
                    number(checks, "balance", row.balance), number(checks, "balance_target", row.balanceTarget),
                    row.reason, row.idempotencyKey, bool(checks, row.notifyMember));
            return new BatchLine(line, checks.isEmpty() ? LedgerBatchInput.toLine(json)
                    : Either.left(LedgerBatchInput.reasons(checks.problems())));
        } catch (JsonProcessingException unreadable) {
            finished = true;
            if (unreadable.getCause() instanceof IOException broken && !(broken instanceof JsonProcessingException)) {
                throw new ImportLines.UploadBroken(line, broken);
            }
            return new BatchLine(line, Either.left("line: cannot be read as CSV (" + unreadable.getOriginalMessage()
                    + "); the rest of the upload was not read"));
        } catch (IOException e) {
            throw new ImportLines.UploadBroken(line, e);
        }
    }

    private static Long number(Checks checks, String field, String raw) {
        return checks.parse(field, raw, text -> {
            if (!text.matches("-?[0-9]{1,18}")) {
                throw new IllegalArgumentException("must be a whole number, got " + Params.abbreviate(text));
            }
            return Long.parseLong(text);
        }).getOrNull();
    }

    private static Boolean bool(Checks checks, String raw) {
        return checks.parse("notify_member", raw, text -> {
            if (!text.equals("true") && !text.equals("false")) {
                throw new IllegalArgumentException("must be true or false, got " + Params.abbreviate(text));
            }
            return Boolean.parseBoolean(text);
        }).getOrNull();
    }
}
