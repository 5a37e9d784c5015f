package io.wxcard.adapter.rest;

import io.wxcard.adapter.rest.ImportResources.ImportLineJson;
import io.wxcard.adapter.rest.LedgerBatchResources.LedgerLineJson;
import io.wxcard.application.port.in.ApplyLedgerBatchUseCase.BatchLine;
import io.wxcard.application.port.in.ImportLines;
import io.wxcard.application.port.in.ImportMembersUseCase.ImportLine;
import io.wxcard.application.port.in.LedgerBatchLines;
import java.util.Iterator;

/**
 * An upload's lines (a member import's, a ledger batch's), read lazily as the use case pulls them: one line (or CSV
 * row) in memory at a time, never the body. CSV is read by the application ({@link ImportLines#csv},
 * {@link LedgerBatchLines#csv}, as the console reads it); NDJSON by {@link NdjsonInput}, where JSON is read strictly,
 * each line into the application's rules of one line. A line that cannot be read becomes a line with its reason, and
 * the upload goes on; only an upload that is not one at all (no header, an unknown column, a first line that is not
 * a JSON object) is refused, before anything is applied. The lines throw {@link ImportLines.UploadBroken} when the
 * body breaks off.
 */
final class UploadLines {

    private UploadLines() {}

    static Iterator<ImportLine> members(ImportUpload body) {
        if (body.mediaType().equals(ImportRoutes.CSV)) {
            return ImportLines.csv(body.in()).getOrElseThrow(UploadLines::refusal);
        }
        return NdjsonInput.open(body.in(), "member", (number, object) -> new ImportLine(number, object
                .flatMap(tree -> NdjsonInput.convert(tree, ImportLineJson.class)
                        .mapLeft(problem -> problem.field() == null ? problem.message()
                                : problem.field() + " " + problem.message()))
                .flatMap(json -> ImportLines.record(new ImportLines.Fields(json.openid(), json.code(), json.phone(),
                        json.membershipNumber(), text(json.points()), text(json.balance()))))));
    }

    static Iterator<BatchLine> ledger(ImportUpload body) {
        if (body.mediaType().equals(ImportRoutes.CSV)) {
            return LedgerBatchLines.csv(body.in()).getOrElseThrow(UploadLines::refusal);
        }
        return NdjsonInput.open(body.in(), "line", (number, object) -> new BatchLine(number, object
                .mapLeft(reason -> "line: " + reason)
                .flatMap(tree -> NdjsonInput.convert(tree, LedgerLineJson.class)
                        .mapLeft(problem -> (problem.field() == null ? "line" : problem.field()) + ": "
                                + problem.message()))
                .flatMap(json -> LedgerBatchLines.line(new LedgerBatchLines.Fields(json.code(), json.phone(),
                        json.membershipNumber(), text(json.points()), text(json.pointsTarget()),
                        text(json.balance()), text(json.balanceTarget()), json.reason(), json.idempotencyKey(),
                        text(json.notifyMember()))))));
    }

    private static ApiProblem.Answer refusal(ImportLines.Refusal refused) {
        return ApiProblem.of(ProblemType.INVALID_REQUEST, refused.detail(), refused.problems()).toAnswer();
    }

    /** A JSON value as the application's rules read it (numbers as their digits). */
    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
