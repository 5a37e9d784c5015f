package io.wxcard.application.port.out.store;

import io.vavr.control.Option;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipNumber;
import java.time.Instant;

/**
 * One staged line of an import.
 *
 * @param openId       as given (a line whose openid could not be read keeps its text here and fails)
 * @param outRequestNo stable for a card and an openid, so a row sent again (after a crash, or in a later import)
 *                     is recognised by WeChat as the same request
 * @param detail       why it was skipped or failed, or the last failure of a row waiting to be retried
 * @param importedCode the member's code once imported
 */
public record ImportRow(String jobId, long lineNumber, String openId, Option<Code> code, Option<String> phone,
                        Option<MembershipNumber> membershipNumber, Option<Points> points, Option<Fen> balance,
                        String outRequestNo, Status status, int attempts, Instant notBefore, Option<String> detail,
                        Option<Code> importedCode) {

    public enum Status { PENDING, IMPORTED, SKIPPED, FAILED }
}
