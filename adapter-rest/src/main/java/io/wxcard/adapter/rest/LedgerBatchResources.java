package io.wxcard.adapter.rest;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import io.wxcard.application.port.out.store.LedgerBatchStore.LineFailure;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerBatch;
import io.wxcard.domain.ledger.WechatRange;
import io.wxcard.domain.shared.Reason;
import java.util.List;

/** What the API shows of ledger batches, and the fields of one line of a batch. */
final class LedgerBatchResources {

    private LedgerBatchResources() {}

    /** The columns a CSV batch may name in its header, in this order in the documentation. */
    static final List<String> COLUMNS = io.wxcard.application.port.in.LedgerBatchLines.COLUMNS;

    @Schema(description = "One change of a ledger batch: a CSV row (its header names these columns) or one NDJSON line. "
            + "Exactly one of code, phone and membership_number names the membership; points and balance each by a "
            + "delta or to a target (not both); reason and idempotency_key are required.")
    record LedgerLineJson(
            @Schema(description = "The membership's code on this card.") String code,
            @Schema(description = "The member's phone (as WeChat's activation form gave it; mainland and +86 forms are one "
                    + "number); must match one membership of this card.") String phone,
            @Schema(description = "The merchant's membership number; must match one membership of this card.")
            String membershipNumber,
            @Schema(description = "Points to add (negative: to take), -" + WechatRange.MAX + " to " + WechatRange.MAX
                    + ", not 0.") Long points,
            @Schema(description = "The points the member should have after the line, 0 to " + WechatRange.MAX
                    + "; the line records the difference (nothing when there is none).") Long pointsTarget,
            @Schema(description = "Stored value to add (negative: to take), in fen.") Long balance,
            @Schema(description = "The stored value the member should have after the line, in fen, 0 to "
                    + WechatRange.MAX + ".") Long balanceTarget,
            @Schema(description = "Why, in words the member may see in the card's records; 1 to "
                    + Reason.MAX_LENGTH + " characters.",
                    requiredMode = REQUIRED) String reason,
            @Schema(description = "The line's name in the merchant's system: a line is applied once however often it is "
                    + "sent. 1 to " + IdempotencyKey.MAX_LENGTH + " printable ASCII characters ("
                    + (IdempotencyKey.MAX_LENGTH - 8) + " when the line changes both points and balance).",
                    requiredMode = REQUIRED) String idempotencyKey,
            @Schema(description = "Whether WeChat should notify the member; false when absent.") Boolean notifyMember) {}

    @Schema(description = "A ledger batch. Every line read is exactly one of applied, replayed, unchanged or failed; while "
            + "it runs, the counts are those of the chunks committed so far.")
    record LedgerBatchResource(
            String id,
            String cardId,
            @Schema(description = "RUNNING, COMPLETED, or INTERRUPTED (the upload broke off: the lines counted are "
                    + "applied; send the same lines again to apply the rest).") String status,
            @Schema(description = "Lines counted so far.") long lines,
            @Schema(description = "Recorded now.") long applied,
            @Schema(description = "Recorded before under the same idempotency key: nothing changed.") long replayed,
            @Schema(description = "Targets the member already had: nothing to record.") long unchanged,
            @Schema(description = "Not applied, each with its reason: see /failures.") long failed,
            String createdAt,
            String finishedAt) {}

    @Schema(description = "A line of a ledger batch that was not applied; nothing of it was recorded.")
    record LedgerLineFailureResource(
            @Schema(description = "The line of the upload: 1 is the first line (the header, for CSV).") long line,
            @Schema(description = "Why, naming the field.") String reason) {}

    static LedgerBatchResource of(LedgerBatch batch) {
        LedgerBatch.Counts c = batch.counts();
        return new LedgerBatchResource(batch.id().value(), batch.cardId().value(), batch.status().name(), c.lines(),
                c.applied(), c.replayed(), c.unchanged(), c.failed(), batch.createdAt().toString(),
                batch.finishedAt().map(Object::toString).getOrNull());
    }

    static LedgerLineFailureResource failure(LineFailure failure) {
        return new LedgerLineFailureResource(failure.lineNumber(), failure.reason());
    }
}
