package io.wxcard.adapter.rest;

import io.vavr.collection.Iterator;
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
import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An import's upload, read lazily into {@link ImportLine}s as the use case pulls them: one line (or CSV row) in
 * memory at a time, never the body. A line that cannot be read becomes a line with its reason, and the upload goes
 * on; only an upload that is not CSV or NDJSON at all (no header, an unknown column, a first line that is not a JSON
 * object) is refused, by {@link #open}, before anything is staged.
 */
final class ImportInput {

    /** The longest NDJSON line read; a longer one fails (it cannot hold a valid member) and the next is read. */
    static final int MAX_LINE_BYTES = 64 * 1024;
    /** The longest CSV value read; past it the rest of the upload cannot be told apart from the value. */
    static final int MAX_CSV_VALUE_CHARS = 64 * 1024;
    static final int MAX_COLUMNS = 64;

    private ImportInput() {}

    /** The upload could not be read to its end (the client went away, or it is longer than allowed). */
    static final class UploadBroken extends RuntimeException {
        final long afterLine;

        UploadBroken(long afterLine, IOException cause) {
            super("the upload could not be read after line " + afterLine + ": " + cause.getMessage(), cause);
            this.afterLine = afterLine;
        }
    }

    /**
     * The upload's lines, its kind checked (the CSV header, the first NDJSON line) and its first line read; or 400.
     * Each reader answers its next line, or null at the end.
     */
    static java.util.Iterator<ImportLine> open(ImportUpload body) {
        boolean csv = body.mediaType().equals(ImportRoutes.CSV);
        Supplier<ImportLine> reader = csv ? new CsvImportInput(body.in())::read : new NdjsonImportInput(body.in())::read;
        ImportLine first = reader.get();
        if (first == null) {
            throw ApiProblem.of(ProblemType.INVALID_REQUEST, "the upload holds no member: "
                    + (csv ? "send one row per member after the header" : "send one JSON object per line")).toAnswer();
        }
        return Iterator.of(first).concat(Iterator.continually(reader).takeWhile(Objects::nonNull));
    }

    /** The record, or every problem with it ("; "-separated, each naming the field). */
    static Either<String, ImportRecord> toRecord(ImportLineJson line, Checks checks) {
        if (line.openid() == null) {
            checks.add("openid", "openid is required");
        }
        Option<OpenId> openId = checks.parse("openid", line.openid(), OpenId::new);
        Option<Code> code = checks.parse("code", line.code(), Code::new);
        Option<Phone> phone = checks.parse("phone", line.phone(), raw -> new Phone(plain(raw, "phone")));
        Option<MembershipNumber> number = checks.parse("membership_number", line.membershipNumber(),
                raw -> new MembershipNumber(plain(raw, "membership_number")));
        Option<Points> points = checks.parse("points", line.points(), Points::of);
        Option<Fen> balance = checks.parse("balance", line.balance(), Fen::of);
        ImportRecord record = checks.build("openid", () -> new ImportRecord(openId.get(), code, phone, number, points, balance));
        return record == null ? Either.left(checks.messages()) : Either.right(record);
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
