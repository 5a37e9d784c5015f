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
import io.wxcard.domain.membership.Phone;
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
    static final int MAX_COLUMNS = 64;
    static final CsvFactory CSV = CsvFactory.builder()
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

    ImportLine next;

    /** Reads what tells the kind of upload (the CSV header, the first line) and primes the first line; or 400. */
    static ImportInput open(ImportUpload body) {
        InputStream in = withoutBom(body.in());
        ImportInput input = body.mediaType().equals(ImportRoutes.CSV) ? new CsvImportInput(in) : new NdjsonImportInput(in);
        input.next = input.read();
        if (input.next == null) {
            throw ApiProblem.of(ProblemType.INVALID_REQUEST, "the upload holds no member: "
                    + (input instanceof CsvImportInput ? "send one row per member after the header" : "send one JSON object per line"))
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

    static InputStream withoutBom(InputStream in) {
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
        Option<Phone> phone = value(problems, line.phone(), raw -> new Phone(plain(raw, "phone")));
        Option<MembershipNumber> number = value(problems, line.membershipNumber(),
                raw -> new MembershipNumber(plain(raw, "membership_number")));
        Option<Points> points = value(problems, line.points(), Points::of);
        Option<Fen> balance = value(problems, line.balance(), Fen::of);
        if (!problems.isEmpty()) {
            return Either.left(String.join("; ", problems));
        }
        try {
            return Either.right(new ImportRecord(openId.get(), code, phone, number, points, balance));
        } catch (IllegalArgumentException refused) {
            return Either.left(refused.getMessage());
        }
    }

    static <T> Option<T> none(List<String> problems, String problem) {
        problems.add(problem);
        return Option.none();
    }

    static <R, T> Option<T> value(List<String> problems, R raw, Function<R, T> constructor) {
        if (raw == null) {
            return Option.none();
        }
        try {
            return Option.of(constructor.apply(raw));
        } catch (IllegalArgumentException refused) {
            return none(problems, refused.getMessage());
        }
    }

    /** Text without control characters, replacement characters (bytes that were not UTF-8) or lone surrogates. */
    static String plain(String text, String field) {
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

}
