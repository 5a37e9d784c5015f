package io.wxcard.application.port.in;

import io.vavr.collection.Iterator;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.ApplyLedgerBatchUseCase.BatchLine;
import io.wxcard.application.port.in.ApplyLedgerBatchUseCase.LedgerLine;
import io.wxcard.application.port.in.ApplyLedgerBatchUseCase.Member;
import io.wxcard.application.port.in.ImportLines.Refusal;
import io.wxcard.application.port.out.store.MemberLookup;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerAmount;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.Phone;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * How a ledger batch's upload is read, the same way by every adapter that takes one: its columns, the rules of one
 * line, and CSV read lazily (through the member import's {@link CsvRows}) into {@link BatchLine}s as the use case
 * pulls them. A line that cannot be read is a line with its reason ("field: why"), and the batch goes on; only an
 * upload that is not a batch at all (no header, an unknown column) is refused, by {@link #csv}.
 */
public final class LedgerBatchLines {

    /** The columns a CSV batch may name in its header (and the fields of an NDJSON line), in this order in docs. */
    public static final List<String> COLUMNS = List.of("code", "phone", "membership_number", "points",
            "points_target", "balance", "balance_target", "reason", "idempotency_key", "notify_member");
    private static final CsvRows.Header HEADER = new CsvRows.Header("a ledger batch", "ledger batch", COLUMNS,
            List.of("reason", "idempotency_key"), COLUMNS.size(), "");

    private LedgerBatchLines() {}

    /** One line's fields as the upload gives them, as text (numbers as their digits); null where absent. */
    public record Fields(String code, String phone, String membershipNumber, String points, String pointsTarget,
                         String balance, String balanceTarget, String reason, String idempotencyKey,
                         String notifyMember) {}

    /** A CSV row of a batch, by the header's names. */
    static final class CsvRow extends CsvRows.Row {
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
    }

    /**
     * The CSV upload's lines: its header checked and its first row read; or why it is not a batch. The lines throw
     * {@link ImportLines.UploadBroken} when the upload breaks off.
     */
    public static Either<Refusal, java.util.Iterator<BatchLine>> csv(InputStream in) {
        return CsvRows.open(in, CsvRow.class, HEADER).flatMap(rows -> {
            java.util.Iterator<BatchLine> lines = Iterator.continually(rows::read).takeWhile(Objects::nonNull)
                    .map(row -> new BatchLine(row.number(), row.row().mapLeft(reason -> "line: " + reason)
                            .flatMap(r -> line(new Fields(r.code, r.phone, r.membershipNumber, r.points,
                                    r.pointsTarget, r.balance, r.balanceTarget, r.reason, r.idempotencyKey,
                                    r.notifyMember)))));
            if (!lines.hasNext()) {
                return Either.left(new Refusal("the upload holds no line: send one row per change after the header",
                        List.of()));
            }
            return Either.right(lines);
        });
    }

    /** The line, or every problem with it ("; "-separated, each starting with its field). */
    public static Either<String, LedgerLine> line(Fields fields) {
        List<String> problems = new ArrayList<>();
        long named = Stream.of(fields.code(), fields.phone(), fields.membershipNumber()).filter(Objects::nonNull)
                .count();
        Option<Member> member = Option.none();
        if (named != 1) {
            problems.add("code: give exactly one of code, phone and membership_number"
                    + (named == 0 ? "" : " (this line gives " + named + ")"));
        } else if (fields.code() != null) {
            member = parse(problems, "code", fields.code(), raw -> new Member.ByCode(new Code(raw)));
        } else if (fields.phone() != null) {
            member = Phone.parse(fields.phone()).toOption()
                    .map(phone -> (Member) new Member.ByLookup(new MemberLookup.ByPhone(phone)));
            if (member.isEmpty()) {
                problems.add("phone: is not a phone number"); // never repeats it: personal data
            }
        } else {
            member = parse(problems, "membership_number", fields.membershipNumber(), raw -> new Member.ByLookup(
                    new MemberLookup.ByMembershipNumber(new MembershipNumber(ImportLines.plain(raw,
                            "membership_number")))));
        }
        Option<LedgerAmount> points = amount(problems, "points", fields.points(), fields.pointsTarget());
        Option<LedgerAmount> balance = amount(problems, "balance", fields.balance(), fields.balanceTarget());
        if (fields.reason() == null) {
            problems.add("reason: is required");
        }
        if (fields.idempotencyKey() == null) {
            problems.add("idempotency_key: is required");
        }
        Option<IdempotencyKey> key = parse(problems, "idempotency_key", fields.idempotencyKey(), IdempotencyKey::new);
        Option<Boolean> notify = parse(problems, "notify_member", fields.notifyMember(), raw -> {
            if (!raw.equals("true") && !raw.equals("false")) {
                throw new IllegalArgumentException("must be true or false, got " + ImportLines.abbreviate(raw));
            }
            return Boolean.parseBoolean(raw);
        });
        if (problems.isEmpty()) {
            Option<Member> who = member;
            Option<LedgerLine> line = parse(problems, points.isEmpty() && balance.isEmpty() ? "points" : "reason",
                    fields, f -> new LedgerLine(who.get(), points, balance, f.reason(), key.get(),
                            notify.getOrElse(false)));
            if (line.isDefined()) {
                return Either.right(line.get());
            }
        }
        return Either.left(String.join("; ", problems));
    }

    /** A delta or a target, never both. */
    private static Option<LedgerAmount> amount(List<String> problems, String field, String delta, String target) {
        if (delta != null && target != null) {
            problems.add(field + ": give " + field + " or " + field + "_target, not both");
            return Option.none();
        }
        return delta != null ? parse(problems, field, delta, raw -> new LedgerAmount.By(wholeNumber(raw)))
                : parse(problems, field + "_target", target, raw -> new LedgerAmount.To(wholeNumber(raw)));
    }

    private static long wholeNumber(String raw) {
        if (!raw.matches("-?[0-9]{1,18}")) {
            throw new IllegalArgumentException("must be a whole number, got " + ImportLines.abbreviate(raw));
        }
        return Long.parseLong(raw);
    }

    /** The domain's value of the raw one; none, and "field: its message" kept, when it refuses it. */
    private static <R, T> Option<T> parse(List<String> problems, String field, R raw, Function<R, T> constructor) {
        if (raw == null) {
            return Option.none();
        }
        try {
            return Option.of(constructor.apply(raw));
        } catch (IllegalArgumentException refused) {
            problems.add(field + ": " + refused.getMessage());
            return Option.none();
        }
    }
}
