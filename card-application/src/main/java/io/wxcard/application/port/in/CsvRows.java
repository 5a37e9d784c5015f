package io.wxcard.application.port.in;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.vavr.control.Either;
import io.wxcard.application.port.in.ImportLines.Refusal;
import io.wxcard.application.port.in.ImportLines.UploadBroken;
import io.wxcard.domain.shared.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * RFC 4180 through Jackson's CSV parser, for every upload read as CSV (member imports, ledger batches): the header
 * row is read first (and checked against the upload's {@link Header}), then becomes the schema that a
 * {@link MappingIterator} binds every later row by, into the upload's row type.
 */
final class CsvRows<R extends CsvRows.Row> {

    private static final CsvMapper CSV = CsvMapper.builder(CsvFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(ImportLines.MAX_CSV_VALUE_CHARS).build())
                    .enable(CsvParser.Feature.SKIP_EMPTY_LINES, CsvParser.Feature.EMPTY_STRING_AS_NULL)
                    .disable(CsvParser.Feature.ALLOW_TRAILING_COMMA)
                    .build())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    /** The name the parser gives the values past the header's columns. */
    private static final String SURPLUS = "_surplus";

    /** A row as text, by the header's names (an empty value is absent); values past the columns are only counted. */
    abstract static class Row {
        int surplus; // not public: not a column

        @JsonAnySetter
        void surplus(String name, Object value) {
            surplus++;
        }
    }

    /**
     * What a header must be: {@code what} names the upload ("an import"), {@code noun} what every line is part of
     * ("import"); the columns it may name, those it must name, and the most it may have.
     */
    record Header(String what, String noun, List<String> columns, List<String> required, int maxColumns,
                  String emptyHint) {}

    /** A row's line in the upload and its values, or why it cannot be read. */
    record Line<R>(long number, Either<String, R> row) {}

    private final MappingIterator<R> rows;
    private final int columns;
    private boolean finished;
    private long lastLine = 1;

    private CsvRows(MappingIterator<R> rows, int columns) {
        this.rows = rows;
        this.columns = columns;
    }

    /** The rows after a header that the spec allows; or why the header is not the upload's. */
    static <R extends Row> Either<Refusal, CsvRows<R>> open(InputStream in, Class<R> type, Header spec) {
        // Bytes that are not UTF-8 become U+FFFD, which no value may hold: the row fails, not the upload.
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        try {
            CsvParser parser = CSV.getFactory().createParser(reader);
            parser.setSchema(CsvSchema.emptySchema());
            Either<Refusal, List<String>> header = header(parser, spec);
            if (header.isLeft()) {
                return Either.left(header.getLeft());
            }
            List<String> names = header.get();
            parser.setSchema(CsvSchema.builder().addColumns(names, CsvSchema.ColumnType.STRING)
                    .setAnyPropertyName(SURPLUS).build());
            parser.clearCurrentToken(); // the header's end: the rows start after it
            return Either.right(new CsvRows<>(CSV.readerFor(type).readValues(parser), names.size()));
        } catch (JsonProcessingException unreadable) {
            return Either.left(new Refusal("the CSV header cannot be read: " + message(unreadable), List.of()));
        } catch (IOException e) {
            throw new UploadBroken(0, e);
        }
    }

    /** The header's column names, read value by value (a header of a million columns is refused, not held). */
    private static Either<Refusal, List<String>> header(CsvParser parser, Header spec) throws IOException {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            return Either.left(new Refusal("the upload is empty: a CSV " + spec.noun() + " starts with a header row "
                    + "naming its columns, among " + spec.columns() + spec.emptyHint(), List.of()));
        }
        List<String> names = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (JsonToken value = parser.nextToken(); value != null && value.isScalarValue(); value = parser.nextToken()) {
            String text = parser.getValueAsString(""); // an empty name is null to the parser
            String name = names.isEmpty() ? text.replaceFirst("^\uFEFF", "") : text;
            String column = "column " + (names.size() + 1);
            if (names.size() == spec.maxColumns()) {
                String tooMany = "has more than " + spec.maxColumns() + " columns";
                return Either.left(new Refusal("the CSV header is not " + spec.what() + "'s: it " + tooMany,
                        List.of(new Problem("header", tooMany))));
            } else if (name.isEmpty()) {
                problems.add(new Problem("header", column + " has no name"));
            } else if (!spec.columns().contains(name)) {
                problems.add(new Problem("header", column + " " + ImportLines.abbreviate(name) + " is not a column "
                        + "of " + spec.what() + "; the columns are " + spec.columns()
                        + (name.contains(";") || name.contains("\t") ? " (separated by commas)" : "")));
            } else if (names.contains(name)) {
                problems.add(new Problem("header", "column " + ImportLines.abbreviate(name) + " is named twice"));
            }
            names.add(name);
        }
        for (String required : spec.required()) {
            if (!names.contains(required)) {
                problems.add(new Problem("header", "names no " + required + " column, which every " + spec.noun()
                        + " needs"));
            }
        }
        if (!problems.isEmpty()) {
            return Either.left(new Refusal("the CSV header is not " + spec.what() + "'s: " + problems.get(0).message()
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""), problems));
        }
        return Either.right(names);
    }

    /** The next row, or null at the end (and after a row that cannot be read: the rest cannot be told apart). */
    Line<R> read() {
        long line = lastLine + 1; // until the row's own line is known: unique, after the last row's
        try {
            if (finished || !rows.hasNextValue()) {
                finished = true;
                return null;
            }
            line = rows.getCurrentLocation().getLineNr();
            lastLine = line;
            R row = rows.nextValue();
            if (row.surplus > 0) {
                return new Line<>(line, Either.left("has " + (columns + row.surplus) + " values but the header "
                        + "names " + columns + " columns"));
            }
            return new Line<>(line, Either.right(row));
        } catch (JsonProcessingException unreadable) {
            finished = true;
            if (unreadable.getCause() instanceof IOException broken && !(broken instanceof JsonProcessingException)) {
                throw new UploadBroken(line, broken); // the body, not its CSV: databind wrapped it
            }
            return new Line<>(line, Either.left(unreadable instanceof StreamConstraintsException
                    || unreadable.getCause() instanceof StreamConstraintsException
                    ? "holds a value longer than " + ImportLines.MAX_CSV_VALUE_CHARS + " characters (a quote never "
                    + "closed?); the rest of the upload was not read"
                    : "cannot be read as CSV (" + message(unreadable) + "); the rest of the upload was not read"));
        } catch (IOException e) {
            throw new UploadBroken(line, e);
        }
    }

    private static String message(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        return message.toLowerCase(Locale.ROOT).startsWith("missing closing quote")
                ? "a quoted value opened on this line is never closed" : message;
    }
}
