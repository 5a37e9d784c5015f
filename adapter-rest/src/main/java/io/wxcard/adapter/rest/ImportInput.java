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

/**
 * An import's upload, read lazily into {@link ImportLine}s as the use case pulls them: one line (or CSV row) in
 * memory at a time, never the body. A line that cannot be read becomes a line with its reason, and the upload goes
 * on; only an upload that is not CSV or NDJSON at all (no header, an unknown column, a first line that is not a JSON
 * object) is refused, by {@link #open}, before anything is staged.
 */
abstract class ImportInput implements Iterator<ImportLine> {

    /** The longest NDJSON line read; a longer one fails (it cannot hold a valid member) and the next is read. */
    static final int MAX_LINE_BYTES = 64 * 1024;
    /** The longest CSV value read; past it the rest of the upload cannot be told apart from the value. */
    static final int MAX_CSV_VALUE_CHARS = 64 * 1024;
    private static final int MAX_COLUMNS = 64;
    private static final CsvFactory CSV = CsvFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_CSV_VALUE_CHARS).build())
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    /** The upload could not be read to its end (the client went away, or it is longer than allowed). */
    static final class UploadBroken extends RuntimeException {
        final long afterLine;

        UploadBroken(long afterLine, IOException cause) {
            super("the upload could not be read after line " + afterLine + ": " + cause.getMessage(), cause);
            this.afterLine = afterLine;
        }
    }

    private ImportLine next;

    /** Reads what tells the kind of upload (the CSV header, the first line) and primes the first line; or 400. */
    static ImportInput open(ImportRoutes.Upload body) {
        InputStream in = withoutBom(body.in());
        ImportInput input = body.mediaType().equals(ImportRoutes.CSV) ? new Csv(in) : new Ndjson(in);
        input.next = input.read();
        if (input.next == null) {
            throw ApiProblem.of(ProblemType.INVALID_REQUEST, "the upload holds no member: "
                    + (input instanceof Csv ? "send one row per member after the header" : "send one JSON object per line"))
                    .toAnswer();
        }
        input.checkFirst(input.next);
        return input;
    }

    /** The next line, or null at the end. */
    abstract ImportLine read();

    /** Refuses the upload when its first line shows it is not of its kind at all. */
    void checkFirst(ImportLine first) {}

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = read();
        }
        return next != null;
    }

    @Override
    public ImportLine next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ImportLine line = next;
        next = null;
        return line;
    }

    private static InputStream withoutBom(InputStream in) {
        try {
            PushbackInputStream pushback = new PushbackInputStream(in, 3);
            byte[] start = new byte[3];
            int n = pushback.readNBytes(start, 0, 3);
            boolean bom = n == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF;
            if (!bom && n > 0) {
                pushback.unread(start, 0, n);
            }
            return pushback;
        } catch (IOException e) {
            throw new UploadBroken(0, e);
        }
    }

    // ---- one member's values ------------------------------------------------------------------------------------

    /** The record, or every problem with it ("; "-separated, each naming the field). */
    static Either<String, ImportRecord> toRecord(ImportLineJson line) {
        List<String> problems = new ArrayList<>();
        Option<OpenId> openId = line.openid() == null ? none(problems, "openid is required")
                : value(problems, line.openid(), OpenId::new);
        Option<Code> code = value(problems, line.code(), Code::new);
        Option<String> phone = value(problems, line.phone(), raw -> plain(Text.requireText(raw, "phone", 32), "phone"));
        Option<MembershipNumber> number = value(problems, line.membershipNumber(),
                raw -> new MembershipNumber(plain(raw, "membership_number")));
        Option<Points> points = value(problems, line.points(), raw -> Points.of(opening(raw, "points")));
        Option<Fen> balance = value(problems, line.balance(), raw -> Fen.of(opening(raw, "balance")));
        if (!problems.isEmpty()) {
            return Either.left(String.join("; ", problems));
        }
        try {
            return Either.right(new ImportRecord(openId.get(), code, phone, number, points, balance));
        } catch (IllegalArgumentException refused) {
            return Either.left(refused.getMessage());
        }
    }

    private static <T> Option<T> none(List<String> problems, String problem) {
        problems.add(problem);
        return Option.none();
    }

    private static <R, T> Option<T> value(List<String> problems, R raw, Function<R, T> constructor) {
        if (raw == null) {
            return Option.none();
        }
        try {
            return Option.of(constructor.apply(raw));
        } catch (IllegalArgumentException refused) {
            return none(problems, refused.getMessage());
        }
    }

    private static long opening(long amount, String field) {
        if (amount < 0 || amount > MembershipRoutes.WECHAT_MAX) {
            throw new IllegalArgumentException(field + " must be between 0 and " + MembershipRoutes.WECHAT_MAX
                    + " (WeChat's range), got " + amount);
        }
        return amount;
    }

    /** Text without control characters, replacement characters (bytes that were not UTF-8) or lone surrogates. */
    private static String plain(String text, String field) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean broken = c < 0x20 || c == 0x7F || c == '\uFFFD'
                    || Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(++i)))
                    || Character.isLowSurrogate(c);
            if (broken) {
                throw new IllegalArgumentException(field + " holds a control character or bytes that are not UTF-8");
            }
        }
        return text;
    }

    // ---- CSV ----------------------------------------------------------------------------------------------------

    /** RFC 4180 through Jackson's CSV parser, one row at a time; the header row names the columns. */
    private static final class Csv extends ImportInput {
        private final CsvParser parser;
        private final List<String> columns;
        private boolean finished;
        private long lastLine = 1;

        Csv(InputStream in) {
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

    // ---- NDJSON -------------------------------------------------------------------------------------------------

    /** One JSON object per line, each parsed on its own: a broken line fails alone. */
    private static final class Ndjson extends ImportInput {
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

        Ndjson(InputStream in) {
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
}
