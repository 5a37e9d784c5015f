package io.wxcard.application.port.in;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.vavr.control.Either;
import io.wxcard.application.port.in.ImportLines.Refusal;
import io.wxcard.application.port.in.ImportLines.UploadBroken;
import io.wxcard.application.port.in.ImportMembersUseCase.ImportLine;
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
 * RFC 4180 through Jackson's CSV parser: the header row is read first (and checked), then becomes the schema that a
 * {@link MappingIterator} binds every later row by, into a {@link CsvRow}.
 */
final class CsvImportLines {

    private static final CsvMapper CSV = CsvMapper.builder(CsvFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(ImportLines.MAX_CSV_VALUE_CHARS).build())
                    .enable(CsvParser.Feature.SKIP_EMPTY_LINES, CsvParser.Feature.EMPTY_STRING_AS_NULL)
                    .disable(CsvParser.Feature.ALLOW_TRAILING_COMMA)
                    .build())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    private static final ObjectReader ROWS = CSV.readerFor(CsvRow.class);
    /** The name the parser gives the values past the header's columns. */
    private static final String SURPLUS = "_surplus";

    /** A row as text, by the header's names (an empty value is absent); values past the columns are only counted. */
    static final class CsvRow {
        public String openid;
        public String code;
        public String phone;
        public String membershipNumber;
        public String points;
        public String balance;
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

    private CsvImportLines(MappingIterator<CsvRow> rows, int columns) {
        this.rows = rows;
        this.columns = columns;
    }

    /** The rows after a header that names an import's columns; or why the header is not an import's. */
    static Either<Refusal, CsvImportLines> open(InputStream in) {
        // Bytes that are not UTF-8 become U+FFFD, which no value may hold: the row fails, not the upload.
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        try {
            CsvParser parser = CSV.getFactory().createParser(reader);
            parser.setSchema(CsvSchema.emptySchema());
            Either<Refusal, List<String>> header = header(parser);
            if (header.isLeft()) {
                return Either.left(header.getLeft());
            }
            List<String> names = header.get();
            parser.setSchema(CsvSchema.builder().addColumns(names, CsvSchema.ColumnType.STRING)
                    .setAnyPropertyName(SURPLUS).build());
            parser.clearCurrentToken(); // the header's end: the rows start after it
            return Either.right(new CsvImportLines(ROWS.readValues(parser), names.size()));
        } catch (JsonProcessingException unreadable) {
            return Either.left(new Refusal("the CSV header cannot be read: " + message(unreadable), List.of()));
        } catch (IOException e) {
            throw new UploadBroken(0, e);
        }
    }

    /** The header's column names, read value by value (a header of a million columns is refused, not held). */
    private static Either<Refusal, List<String>> header(CsvParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            return Either.left(new Refusal("the upload is empty: a CSV import starts with a header row naming its "
                    + "columns, among " + ImportLines.COLUMNS + " (openid required)", List.of()));
        }
        List<String> names = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (JsonToken value = parser.nextToken(); value != null && value.isScalarValue(); value = parser.nextToken()) {
            String text = parser.getValueAsString(""); // an empty name is null to the parser
            String name = names.isEmpty() ? text.replaceFirst("^\uFEFF", "") : text;
            String column = "column " + (names.size() + 1);
            if (names.size() == ImportLines.MAX_COLUMNS) {
                String tooMany = "has more than " + ImportLines.MAX_COLUMNS + " columns";
                return Either.left(new Refusal("the CSV header is not an import's: it " + tooMany,
                        List.of(new Problem("header", tooMany))));
            } else if (name.isEmpty()) {
                problems.add(new Problem("header", column + " has no name"));
            } else if (!ImportLines.COLUMNS.contains(name)) {
                problems.add(new Problem("header", column + " " + ImportLines.abbreviate(name) + " is not a column "
                        + "of an import; the columns are " + ImportLines.COLUMNS
                        + (name.contains(";") || name.contains("\t") ? " (separated by commas)" : "")));
            } else if (names.contains(name)) {
                problems.add(new Problem("header", "column " + ImportLines.abbreviate(name) + " is named twice"));
            }
            names.add(name);
        }
        if (!names.contains("openid")) {
            problems.add(new Problem("header", "names no openid column, which every import needs"));
        }
        if (!problems.isEmpty()) {
            return Either.left(new Refusal("the CSV header is not an import's: " + problems.get(0).message()
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""), problems));
        }
        return Either.right(names);
    }

    /** The next row, or null at the end (and after a row that cannot be read: the rest cannot be told apart). */
    ImportLine read() {
        long line = lastLine + 1; // until the row's own line is known: unique, after the last row's
        try {
            if (finished || !rows.hasNextValue()) {
                finished = true;
                return null;
            }
            line = rows.getCurrentLocation().getLineNr();
            lastLine = line;
            CsvRow row = rows.nextValue();
            if (row.surplus > 0) {
                return new ImportLine(line, Either.left("has " + (columns + row.surplus) + " values but the header "
                        + "names " + columns + " columns"));
            }
            return new ImportLine(line, ImportLines.record(new ImportLines.Fields(row.openid, row.code, row.phone,
                    row.membershipNumber, row.points, row.balance)));
        } catch (JsonProcessingException unreadable) {
            finished = true;
            if (unreadable.getCause() instanceof IOException broken && !(broken instanceof JsonProcessingException)) {
                throw new UploadBroken(line, broken); // the body, not its CSV: databind wrapped it
            }
            return new ImportLine(line, Either.left(unreadable instanceof StreamConstraintsException
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
