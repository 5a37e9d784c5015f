package io.wxcard.adapter.rest;

import io.vavr.collection.Iterator;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.adapter.rest.LedgerBatchResources.LedgerLineJson;
import io.wxcard.application.port.in.ApplyLedgerBatchUseCase.BatchLine;
import io.wxcard.application.port.in.ApplyLedgerBatchUseCase.LedgerLine;
import io.wxcard.application.port.in.ApplyLedgerBatchUseCase.Member;
import io.wxcard.application.port.in.ImportLines;
import io.wxcard.application.port.out.store.MemberLookup;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerAmount;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.Phone;
import io.wxcard.domain.shared.Problem;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A ledger batch's upload, read lazily into {@link BatchLine}s as the use case pulls them (one line in memory at a
 * time): CSV through Jackson's CSV parser ({@link LedgerBatchCsv}) or NDJSON a line at a time
 * ({@link LedgerBatchNdjson}). A line that cannot be read is a line with its reason, and the batch goes on; only an
 * upload that is not a batch at all (no header, an unknown column, a first line that is not a JSON object) is refused
 * by {@link #open}, before anything is applied.
 */
final class LedgerBatchInput {

    private LedgerBatchInput() {}

    static java.util.Iterator<BatchLine> open(ImportUpload body) {
        boolean csv = body.mediaType().equals(ImportRoutes.CSV);
        Supplier<BatchLine> reader = csv ? new LedgerBatchCsv(body.in())::read : new LedgerBatchNdjson(body.in())::read;
        BatchLine first = reader.get();
        if (first == null) {
            throw ApiProblem.of(ProblemType.INVALID_REQUEST, "the upload holds no line: "
                    + (csv ? "send one row per change after the header" : "send one JSON object per line")).toAnswer();
        }
        return Iterator.of(first).concat(Iterator.continually(reader).takeWhile(Objects::nonNull));
    }

    /** The line, or every problem with it ("; "-separated, each starting with its field). */
    static Either<String, LedgerLine> toLine(LedgerLineJson json) {
        Checks checks = new Checks();
        long named = java.util.stream.Stream.of(json.code(), json.phone(), json.membershipNumber())
                .filter(Objects::nonNull).count();
        Option<Member> member = Option.none();
        if (named != 1) {
            checks.add("code", "give exactly one of code, phone and membership_number"
                    + (named == 0 ? "" : " (this line gives " + named + ")"));
        } else if (json.code() != null) {
            member = checks.parse("code", json.code(), raw -> new Member.ByCode(new Code(raw)));
        } else if (json.phone() != null) {
            Either<?, Phone> phone = Phone.parse(json.phone());
            if (phone.isLeft()) {
                checks.add("phone", "is not a phone number"); // never repeats it: personal data
            }
            member = phone.toOption().map(p -> new Member.ByLookup(new MemberLookup.ByPhone(p)));
        } else {
            member = checks.parse("membership_number", json.membershipNumber(),
                    raw -> new Member.ByLookup(new MemberLookup.ByMembershipNumber(new MembershipNumber(
                            ImportLines.plain(raw, "membership_number")))));
        }
        Option<LedgerAmount> points = amount(checks, "points", json.points(), json.pointsTarget());
        Option<LedgerAmount> balance = amount(checks, "balance", json.balance(), json.balanceTarget());
        checks.required("reason", json.reason());
        Option<IdempotencyKey> key = checks.parseRequired("idempotency_key", json.idempotencyKey(), IdempotencyKey::new);
        Option<Member> who = member;
        LedgerLine line = checks.build(points.isEmpty() && balance.isEmpty() ? "points" : "reason",
                () -> new LedgerLine(who.get(), points, balance, json.reason(), key.get(),
                        Boolean.TRUE.equals(json.notifyMember())));
        return line == null ? Either.left(reasons(checks.problems())) : Either.right(line);
    }

    /** A delta or a target, never both. */
    private static Option<LedgerAmount> amount(Checks checks, String field, Long delta, Long target) {
        if (delta != null && target != null) {
            checks.add(field, "give " + field + " or " + field + "_target, not both");
            return Option.none();
        }
        return delta != null ? checks.parse(field, delta, LedgerAmount.By::new)
                : checks.parse(field + "_target", target, LedgerAmount.To::new);
    }

    static String reasons(List<Problem> problems) {
        return problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; "));
    }
}
