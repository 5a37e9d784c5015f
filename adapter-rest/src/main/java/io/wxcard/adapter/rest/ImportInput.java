package io.wxcard.adapter.rest;

import io.vavr.collection.Iterator;
import io.wxcard.adapter.rest.ImportResources.ImportLineJson;
import io.wxcard.application.port.in.ImportLines;
import io.wxcard.application.port.in.ImportMembersUseCase.ImportLine;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An import's upload, read lazily into {@link ImportLine}s as the use case pulls them: one line (or CSV row) in
 * memory at a time, never the body. CSV is read by the application ({@link ImportLines#csv}, the same reader the
 * console uses); NDJSON here, where JSON is read strictly, each line into the application's {@link ImportLines#record}.
 * A line that cannot be read becomes a line with its reason, and the upload goes on; only an upload that is not CSV
 * or NDJSON at all (no header, an unknown column, a first line that is not a JSON object) is refused, by
 * {@link #open}, before anything is staged.
 */
final class ImportInput {

    /** The longest NDJSON line read; a longer one fails (it cannot hold a valid member) and the next is read. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private ImportInput() {}

    /**
     * The upload's lines, its kind checked (the CSV header, the first NDJSON line) and its first line read; or 400.
     * The lines throw {@link ImportLines.UploadBroken} when the body breaks off.
     */
    static java.util.Iterator<ImportLine> open(ImportUpload body) {
        if (body.mediaType().equals(ImportRoutes.CSV)) {
            return ImportLines.csv(body.in()).getOrElseThrow(refused -> ApiProblem.of(ProblemType.INVALID_REQUEST,
                    refused.detail(), refused.problems()).toAnswer());
        }
        Supplier<ImportLine> reader = new NdjsonImportInput(body.in())::read;
        ImportLine first = reader.get();
        if (first == null) {
            throw ApiProblem.of(ProblemType.INVALID_REQUEST, "the upload holds no member: send one JSON object per "
                    + "line").toAnswer();
        }
        return Iterator.of(first).concat(Iterator.continually(reader).takeWhile(Objects::nonNull));
    }

    /** An NDJSON line's fields, as the application's rules read them (numbers as their digits). */
    static ImportLines.Fields fields(ImportLineJson line) {
        return new ImportLines.Fields(line.openid(), line.code(), line.phone(), line.membershipNumber(),
                line.points() == null ? null : line.points().toString(),
                line.balance() == null ? null : line.balance().toString());
    }
}
