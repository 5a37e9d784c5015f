package io.wxcard.domain.imports;

import io.vavr.control.Option;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.membership.Phone;
import io.wxcard.domain.shared.Text;
import java.time.Instant;
import java.util.Objects;

/**
 * One staged line of an import. A fresh row is made by {@link #pending} or {@link #unreadable}, the only rows staging
 * stores; the canonical constructor is the reconstitution path of stores, and checks only what every row holds.
 *
 * @param openId       as given: a valid openid unless the row failed (an unreadable line keeps its text here)
 * @param outRequestNo stable for a card and an openid, so a row sent again (after a crash, or in a later import)
 *                     is recognised by WeChat as the same request; empty for an unreadable line
 * @param detail       why it was skipped or failed, or the last failure of a row waiting to be retried
 * @param importedCode the member's code once imported
 */
public record ImportRow(ImportJobId jobId, long lineNumber, String openId, Option<Code> code, Option<Phone> phone,
                        Option<MembershipNumber> membershipNumber, Option<Points> points, Option<Fen> balance,
                        String outRequestNo, Status status, int attempts, Instant notBefore, Option<String> detail,
                        Option<Code> importedCode) {

    /** WeChat Pay's limit for {@code out_request_no}. */
    public static final int MAX_OUT_REQUEST_NO = 128;

    public enum Status { PENDING, IMPORTED, SKIPPED, FAILED }

    /** An out_request_no as WeChat Pay takes it (1 to {@link #MAX_OUT_REQUEST_NO} characters), checked. */
    public static String requireOutRequestNo(String outRequestNo) {
        return Text.requireText(outRequestNo, "out_request_no", MAX_OUT_REQUEST_NO);
    }

    public ImportRow {
        Objects.requireNonNull(jobId, "import id");
        String line = "line " + lineNumber + " of import " + jobId + ": ";
        Objects.requireNonNull(openId, line + "openid");
        Objects.requireNonNull(outRequestNo, line + "out_request_no");
        Objects.requireNonNull(status, line + "status");
        Objects.requireNonNull(notBefore, line + "not-before");
        if (lineNumber < 1) {
            throw new IllegalArgumentException(line + "line numbers start at 1");
        }
        if (status != Status.FAILED) {
            new OpenId(openId); // only a failed row may hold an unreadable openid
        }
        if (outRequestNo.length() > MAX_OUT_REQUEST_NO) {
            throw new IllegalArgumentException(line + "an out_request_no has at most " + MAX_OUT_REQUEST_NO
                    + " characters");
        }
    }

    /** A line to send, as staged: never tried yet. */
    public static ImportRow pending(ImportJobId jobId, long lineNumber, OpenId openId, Option<Code> code,
                                    Option<Phone> phone, Option<MembershipNumber> membershipNumber,
                                    Option<Points> points, Option<Fen> balance, String outRequestNo, Instant now) {
        return new ImportRow(jobId, lineNumber, openId.value(), code, phone, membershipNumber, points, balance,
                outRequestNo, Status.PENDING, 0, now, Option.none(), Option.none());
    }

    /** A line that could not be read: staged as failed, with the reason, so the merchant sees it among the failures. */
    public static ImportRow unreadable(ImportJobId jobId, long lineNumber, String reason, Instant now) {
        return new ImportRow(jobId, lineNumber, "", Option.none(), Option.none(), Option.none(), Option.none(),
                Option.none(), "", Status.FAILED, 0, now, Option.of("line " + lineNumber + ": " + reason),
                Option.none());
    }

    /**
     * The openid that makes this row a duplicate of an earlier one of the same job: a pending row's. An unreadable
     * line has none and is never a duplicate.
     */
    public Option<OpenId> dedupeKey() {
        return status == Status.FAILED ? Option.none() : Option.of(new OpenId(openId));
    }

    /** The row after an attempt that failed for a reason that may pass: offered again from {@code notBefore}. */
    public ImportRow retriedLater(Instant when, String reason) {
        return new ImportRow(jobId, lineNumber, openId, code, phone, membershipNumber, points, balance, outRequestNo,
                status, attempts + 1, when, Option.of(reason), importedCode);
    }

    /** The row settled for good: imported (with the member's code), skipped or failed (with the reason). */
    public ImportRow settled(Status outcome, Option<String> why, Option<Code> code) {
        return new ImportRow(jobId, lineNumber, openId, this.code, phone, membershipNumber, points, balance,
                outRequestNo, outcome, attempts, notBefore, why, code);
    }
}
