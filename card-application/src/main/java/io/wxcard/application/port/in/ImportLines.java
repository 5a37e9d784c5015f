package io.wxcard.application.port.in;

import io.vavr.collection.Iterator;
import io.vavr.control.Either;
import io.vavr.control.Option;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * How an import's upload is read, the same way by every adapter that takes one (the HTTP API, the console): its
 * columns, the rules of one member's fields, and CSV read lazily into {@link ImportLine}s as the use case pulls them,
 * one row in memory at a time, never the upload. A row that cannot be read becomes a line with its reason, and the
 * upload goes on; only an upload that is not an import at all (no header, an unknown column, no member) is refused,
 * by {@link #csv}, before anything is staged.
 */
public final class ImportLines {

    /** The columns a CSV import may name in its header (and the fields of an NDJSON line), in this order in docs. */
    public static final List<String> COLUMNS = List.of("openid", "code", "phone", "membership_number", "points",
            "balance");
    /** The longest CSV value read; past it the rest of the upload cannot be told apart from the value. */
    public static final int MAX_CSV_VALUE_CHARS = 64 * 1024;
    public static final int MAX_COLUMNS = 64;

    private ImportLines() {}

    /** Why an upload is not an import at all; nothing of it is staged. The problems name the header's columns. */
    public record Refusal(String detail, List<Problem> problems) {
        public Refusal {
            Objects.requireNonNull(detail, "detail");
            problems = List.copyOf(problems);
        }
    }

    /** The upload could not be read to its end (the client went away, or it is longer than allowed). */
    public static final class UploadBroken extends RuntimeException {
        private final long afterLine;

        public UploadBroken(long afterLine, IOException cause) {
            super("the upload could not be read after line " + afterLine + ": " + cause.getMessage(), cause);
            this.afterLine = afterLine;
        }

        public long afterLine() {
            return afterLine;
        }
    }

    /** One member's fields as the upload gives them, as text; null where absent. */
    public record Fields(String openid, String code, String phone, String membershipNumber, String points,
                         String balance) {}

    /**
     * The CSV upload's lines: its header checked and its first row read; or why it is not an import. The lines throw
     * {@link UploadBroken} when the upload breaks off.
     */
    public static Either<Refusal, java.util.Iterator<ImportLine>> csv(InputStream in) {
        return CsvRows.open(in, CsvRow.class, HEADER).flatMap(rows -> {
            java.util.Iterator<ImportLine> lines = Iterator.continually(rows::read).takeWhile(Objects::nonNull)
                    .map(row -> new ImportLine(row.number(), row.row().flatMap(r -> record(new Fields(r.openid,
                            r.code, r.phone, r.membershipNumber, r.points, r.balance)))));
            if (!lines.hasNext()) {
                return Either.left(new Refusal("the upload holds no member: send one row per member after the "
                        + "header", List.of()));
            }
            return Either.right(lines);
        });
    }

    private static final CsvRows.Header HEADER = new CsvRows.Header("an import", "import", COLUMNS,
            List.of("openid"), MAX_COLUMNS, " (openid required)");

    /** A CSV row of an import, by the header's names. */
    static final class CsvRow extends CsvRows.Row {
        public String openid;
        public String code;
        public String phone;
        public String membershipNumber;
        public String points;
        public String balance;
    }

    /** The record, or every problem with it ("; "-separated, each naming the field). */
    public static Either<String, ImportRecord> record(Fields fields) {
        List<String> problems = new ArrayList<>();
        if (fields.openid() == null) {
            problems.add("openid is required");
        }
        Option<OpenId> openId = parse(problems, fields.openid(), OpenId::new);
        Option<Code> code = parse(problems, fields.code(), Code::new);
        Option<Phone> phone = parse(problems, fields.phone(), raw -> new Phone(plain(raw, "phone")));
        Option<MembershipNumber> number = parse(problems, fields.membershipNumber(),
                raw -> new MembershipNumber(plain(raw, "membership_number")));
        Option<Points> points = parse(problems, fields.points(), raw -> Points.of(wholeNumber(raw, "points")));
        Option<Fen> balance = parse(problems, fields.balance(), raw -> Fen.of(wholeNumber(raw, "balance")));
        if (problems.isEmpty()) {
            try {
                return Either.right(new ImportRecord(openId.get(), code, phone, number, points, balance));
            } catch (IllegalArgumentException refused) {
                problems.add(refused.getMessage());
            }
        }
        return Either.left(String.join("; ", problems));
    }

    /** Text without control characters, replacement characters (bytes that were not UTF-8) or lone surrogates. */
    public static String plain(String text, String field) {
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

    /** A value as a problem names it ({@link Text#quoted}). */
    static String abbreviate(String raw) {
        return Text.quoted(raw);
    }

    private static long wholeNumber(String raw, String field) {
        if (!raw.matches("-?[0-9]{1,18}")) {
            throw new IllegalArgumentException(field + " must be a whole number, got " + abbreviate(raw));
        }
        return Long.parseLong(raw);
    }

    /** The value the domain's constructor makes of the raw one; none, and its message kept, when it refuses it. */
    private static <T> Option<T> parse(List<String> problems, String raw, Function<String, T> constructor) {
        if (raw == null) {
            return Option.none();
        }
        try {
            return Option.of(constructor.apply(raw));
        } catch (IllegalArgumentException refused) {
            problems.add(refused.getMessage());
            return Option.none();
        }
    }
}
