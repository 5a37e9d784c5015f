package io.wxcard.adapter.rest;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.wxcard.adapter.rest.LedgerBatchResources.LedgerBatchResource;
import io.wxcard.adapter.rest.LedgerBatchResources.LedgerLineFailureResource;
import io.wxcard.adapter.rest.LedgerBatchResources.LedgerLineJson;
import io.wxcard.application.port.in.ApplyLedgerBatchUseCase.ApplyLedgerBatchCommand;
import io.wxcard.application.port.in.ApplyLedgerBatchUseCase;
import io.wxcard.application.port.in.FindCardsQuery;
import io.wxcard.application.port.in.ImportLines;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.LedgerBatch;
import io.wxcard.domain.tenant.TenantId;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ledger batches: {@code POST /v1/cards/{id}/ledger-batches} applies an upload (CSV or NDJSON, streamed as the use case
 * pulls it, a chunk per transaction) and answers the batch once every line is read; while it runs, the card's list
 * ({@code GET /v1/cards/{id}/ledger-batches}, newest first) shows how far it got, and {@code /v1/ledger-batches/{id}}
 * and {@code .../failures} tell the rest.
 */
final class LedgerBatchRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerBatchRoutes.class);
    private static final String TAG = "ledger batches";

    private final ApplyLedgerBatchUseCase batches;
    private final FindCardsQuery cards;
    private final long maxUploadBytes;

    LedgerBatchRoutes(RestUseCases useCases, long maxUploadBytes) {
        this.batches = useCases.applyLedgerBatch();
        this.cards = useCases.findCards();
        this.maxUploadBytes = maxUploadBytes;
    }

    void register(Javalin app, ApiDocs docs) {
        app.post("/v1/cards/{id}/ledger-batches", this::apply, Access.API_KEY);
        Schema<?> lines = new StringSchema().description("One change per line (CSV row or NDJSON object); "
                + "x-line-schema gives the fields of a line.");
        lines.addExtension("x-line-schema", docs.schema(LedgerLineJson.class));
        docs.operation(POST, "/v1/cards/{id}/ledger-batches", "applyLedgerBatch",
                        "Apply a batch of points and stored-value changes (a CRM's or ERP's sync)", TAG, 404, 413, 415)
                .description("The body is CSV (text/csv: a header row naming its columns among "
                        + LedgerBatchResources.COLUMNS + ") or NDJSON (application/x-ndjson: one JSON object per line "
                        + "with those fields), up to " + maxUploadBytes + " bytes, streamed. Lines are applied a chunk "
                        + "at a time, each chunk in one transaction; each line once however often the batch is sent "
                        + "(its idempotency_key), whole or not at all. A line that cannot be applied is reported with "
                        + "its reason (see /failures) and the batch goes on. Only an upload that is not a batch at all "
                        + "(no header, an unknown column, a first line that is not a JSON object) is refused, before "
                        + "anything is applied. The answer comes once every line is read; meanwhile GET "
                        + "/v1/cards/{id}/ledger-batches shows the batch's progress. A batch that broke off is "
                        + "INTERRUPTED: send the same lines again to apply the rest.")
                .requestBody(new RequestBody().required(true).content(new Content()
                        .addMediaType(ImportRoutes.CSV, new MediaType().schema(lines))
                        .addMediaType(ImportRoutes.NDJSON, new MediaType().schema(lines))))
                .getResponses().addApiResponse("201", docs.answer(LedgerBatchResource.class)
                        .addHeaderObject("Location", new Header().description("/v1/ledger-batches/{id} of the batch.")));
        app.get("/v1/cards/{id}/ledger-batches", this::list, Access.API_KEY);
        Operation list = docs.operation(GET, "/v1/cards/{id}/ledger-batches", "listLedgerBatches",
                "List a card's ledger batches, newest first, running ones with their progress", TAG, 404);
        ApiDocs.pageQuery().forEach(list::addParametersItem);
        list.getResponses().addApiResponse("200", docs.page(LedgerBatchResource.class));
        app.get("/v1/ledger-batches/{id}", this::read, Access.API_KEY);
        docs.operation(GET, "/v1/ledger-batches/{id}", "getLedgerBatch", "Read a ledger batch's progress or report",
                        TAG, 404)
                .getResponses().addApiResponse("200", docs.answer(LedgerBatchResource.class));
        app.get("/v1/ledger-batches/{id}/failures", this::failures, Access.API_KEY);
        Operation failures = docs.operation(GET, "/v1/ledger-batches/{id}/failures", "listLedgerBatchFailures",
                "List a ledger batch's failed lines with their reasons, in line order", TAG, 404);
        ApiDocs.pageQuery().forEach(failures::addParametersItem);
        failures.getResponses().addApiResponse("200", docs.page(LedgerLineFailureResource.class));
    }

    private void apply(Context ctx) throws IOException {
        CardId cardId = Params.cardId(ctx);
        TenantId tenant = Access.tenant(ctx);
        Problems.orAnswer(cards.card(tenant, cardId)); // an unknown card is a 404 whatever the body
        ImportUpload body = ImportUpload.of(ctx, maxUploadBytes);
        long started = System.nanoTime();
        LedgerBatch batch;
        try {
            batch = Problems.orAnswer(batches.apply(new ApplyLedgerBatchCommand(tenant, cardId,
                    UploadLines.ledger(body))));
        } catch (ApiProblem.Answer refused) {
            ImportUpload.drain(ctx);
            throw refused;
        } catch (ImportLines.UploadBroken broken) {
            if (broken.getCause() instanceof ImportUpload.BodyTooLarge tooLarge) {
                ImportUpload.drain(ctx);
                throw tooLarge.toAnswer();
            }
            LOG.warn("ledger batch for card {}: the upload broke off after line {} ({})", cardId, broken.afterLine(),
                    broken.getCause().toString());
            throw ApiProblem.of(ProblemType.INVALID_REQUEST, "the upload could not be read to its end (it broke off "
                    + "after line " + broken.afterLine() + "); the lines before were applied: send the batch again to "
                    + "apply the rest").toAnswer();
        }
        LOG.info("ledger batch {} on card {}: {} lines in {} ms ({})", batch.id(), cardId, batch.counts().lines(),
                (System.nanoTime() - started) / 1_000_000, batch.counts());
        ctx.header("Location", "/v1/ledger-batches/" + batch.id());
        ctx.status(201).json(LedgerBatchResources.of(batch));
    }

    private void list(Context ctx) {
        ctx.json(PageResource.of(Problems.orAnswer(batches.batches(Access.tenant(ctx), Params.cardId(ctx),
                Params.page(ctx))), LedgerBatchResources::of));
    }

    private void read(Context ctx) {
        ctx.json(LedgerBatchResources.of(Problems.orAnswer(batches.batch(Access.tenant(ctx), Params.ledgerBatchId(ctx)))));
    }

    private void failures(Context ctx) {
        ctx.json(PageResource.of(Problems.orAnswer(batches.failures(Access.tenant(ctx), Params.ledgerBatchId(ctx),
                Params.page(ctx))), LedgerBatchResources::failure));
    }
}
