package io.wxcard.adapter.rest;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import io.vavr.control.Option;
import io.wxcard.application.port.in.ImportMembersUseCase.ImportProgress;
import io.wxcard.domain.imports.ImportJob;
import io.wxcard.domain.imports.ImportRow;
import io.wxcard.domain.ledger.WechatRange;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.Phone;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the API shows of member imports, and the fields of one line of an import. */
final class ImportResources {

    private ImportResources() {}

    /** The columns a CSV import may name in its header, in this order in the documentation. */
    static final List<String> COLUMNS = io.wxcard.application.port.in.ImportLines.COLUMNS;

    @Schema(description = "One existing member to import: a CSV row (its header names these columns) or one NDJSON line. Every field "
            + "but openid is optional.")
    record ImportLineJson(
            @Schema(description = "The member's openid under the tenant's official account.", requiredMode = REQUIRED) String openid,
            @Schema(description = "The code the member's card should carry; WeChat makes one when absent.") String code,
            @Schema(description = "The member's phone number, as the merchant has it; 1 to " + Phone.MAX_LENGTH + " characters.") String phone,
            @Schema(description = "The merchant's own membership number, shown on the card; 1 to "
                    + MembershipNumber.MAX_LENGTH + " characters.") String membershipNumber,
            @Schema(description = "Opening points, 0 to " + WechatRange.MAX + ".") Long points,
            @Schema(description = "Opening stored value in fen, 0 to " + WechatRange.MAX + ".") Long balance) {}

    @Schema(description = "Where an import stands. Every staged row is exactly one of pending, imported, skipped or failed.")
    record ImportResource(
            String id,
            String cardId,
            @Schema(description = "STAGING (the upload is being read), RUNNING (rows are being sent to WeChat) or COMPLETED.")
            String status,
            @Schema(description = "Lines read from the upload (blank lines and the CSV header not counted).") long linesRead,
            @Schema(description = "Lines whose openid an earlier line of the same upload named: not staged, not counted below.")
            long duplicatesInFile,
            ImportCountsJson counts,
            @Schema(description = "Rows settled per second since sending started; 0 before.") double ratePerSecond,
            @Schema(description = "Seconds the pending rows should still take at that rate; absent before a rate is known and once "
                    + "completed.") Long etaSeconds,
            String createdAt,
            @Schema(description = "When sending started.") String startedAt,
            @Schema(description = "When the last row was settled: the final report is this document then.") String finishedAt) {}

    @Schema(description = "How an import's rows stand.")
    record ImportCountsJson(
            @Schema(description = "Rows staged: lines read less duplicates in the file.") long staged,
            @Schema(description = "Not settled yet, including those waiting to be retried.") long pending,
            @Schema(description = "Now members holding the card.") long imported,
            @Schema(description = "The openid already held the card (imported before, or received it on WeChat).") long skipped,
            @Schema(description = "Refused for good, each with its reason: see /failures.") long failed,
            @Schema(description = "Pending rows that failed at least once for a reason that may pass.") long retrying) {}

    @Schema(description = "A row of an import that failed, with the reason.")
    record ImportFailureResource(
            @Schema(description = "The line of the upload: 1 is the first line (the header, for CSV); a CSV row that spans lines "
                    + "gives its first.") long line,
            @Schema(description = "Absent when the line could not be read.") String openid,
            String reason) {}

    static ImportResource of(ImportProgress progress) {
        ImportJob job = progress.job();
        ImportJob.Counts c = progress.counts();
        return new ImportResource(job.id().value(), job.cardId().value(), job.status().name(), job.linesRead(),
                job.duplicatesInFile(),
                new ImportCountsJson(c.staged(), c.pending(), c.imported(), c.skipped(), c.failed(), c.retrying()),
                Math.round(progress.rate() * 100) / 100.0, progress.eta().map(ImportResources::seconds).getOrNull(),
                job.createdAt().toString(), text(job.startedAt()), text(job.finishedAt()));
    }

    static ImportFailureResource failure(ImportRow row) {
        return new ImportFailureResource(row.lineNumber(), row.openId().isEmpty() ? null : row.openId(),
                row.detail().getOrElse(""));
    }

    private static Long seconds(Duration duration) {
        return (duration.toMillis() + 999) / 1000;
    }

    private static String text(Option<Instant> instant) {
        return instant.map(Instant::toString).getOrNull();
    }
}
