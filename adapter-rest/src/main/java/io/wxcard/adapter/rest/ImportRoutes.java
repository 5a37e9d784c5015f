package io.wxcard.adapter.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.wxcard.adapter.rest.ImportResources.ImportFailureResource;
import io.wxcard.adapter.rest.ImportResources.ImportLineJson;
import io.wxcard.adapter.rest.ImportResources.ImportResource;
import io.wxcard.application.port.in.ImportLines;
import io.wxcard.application.port.in.ImportMembersUseCase;
import io.wxcard.application.port.in.ImportMembersUseCase.ImportProgress;
import io.wxcard.application.port.in.ImportMembersUseCase.StartImportCommand;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.imports.ImportJobId;
import io.wxcard.domain.imports.ImportRow;
import io.wxcard.domain.tenant.TenantId;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.QuotedQualityCSV;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;

/**
 * Member imports: {@code POST /v1/cards/{id}/imports} stages an upload (CSV or NDJSON, streamed from the request as
 * the use case pulls it), {@code GET /v1/imports/{id}} tells where it stands, and {@code .../failures} lists the rows
 * that failed, as JSON pages or as one CSV streamed page by page.
 */
final class ImportRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRoutes.class);
    private static final String TAG = "imports";
    static final String CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";
    static final String CSV_UTF8 = "text/csv; charset=utf-8";
    private static final CsvMapper CSV_MAPPER = CsvMapper.builder().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).build();
    private static final CsvSchema FAILURES = CsvSchema.builder()
            .addColumn("line", CsvSchema.ColumnType.NUMBER).addColumn("openid").addColumn("reason")
            .build().withHeader();

    private final ImportMembersUseCase imports;
    private final RestUseCases useCases;
    private final long maxImportBytes;

    ImportRoutes(RestUseCases useCases, long maxImportBytes) {
        this.imports = useCases.importMembers();
        this.useCases = useCases;
        this.maxImportBytes = maxImportBytes;
    }

    void register(Javalin app, ApiDocs docs) {
        app.post("/v1/cards/{id}/imports", this::start, Access.API_KEY);
        Schema<?> lines = new StringSchema().description("One member per line (CSV row or NDJSON object); x-line-schema "
                + "gives the fields of a line.");
        lines.addExtension("x-line-schema", docs.schema(ImportLineJson.class));
        docs.operation(POST, "/v1/cards/{id}/imports", "importMembers", "Import existing members by openid", TAG,
                        404, 409, 413, 415)
                .description("The body is CSV (text/csv: a header row naming its columns among openid, code, phone, "
                        + "membership_number, points, balance) or NDJSON (application/x-ndjson: one JSON object per "
                        + "line with those fields); openid is required, the rest optional. It is streamed, never held "
                        + "whole, and may be up to " + maxImportBytes + " bytes (the JSON body limit does not apply). "
                        + "Every line is staged before the answer: a line that cannot be read is recorded as failed "
                        + "with its reason, and the upload goes on; a line repeating an earlier openid is counted as a "
                        + "duplicate. Only an upload that is not an import at all (no header, an unknown column, a "
                        + "first line that is not a JSON object) is refused, before anything is staged. The rows are "
                        + "then sent to WeChat in the background: follow them at the Location.")
                .requestBody(new RequestBody().required(true).content(new Content()
                        .addMediaType(CSV, new MediaType().schema(lines)).addMediaType(NDJSON, new MediaType().schema(lines))))
                .getResponses().addApiResponse("202", docs.answer(ImportResource.class)
                        .addHeaderObject("Location", new Header().description("/v1/imports/{id} of the new import.")));
        app.get("/v1/imports/{id}", this::read, Access.API_KEY);
        docs.operation(GET, "/v1/imports/{id}", "getImport",
                        "Read an import's progress (and, once completed, its final report)", TAG, 404)
                .getResponses().addApiResponse("200", docs.answer(ImportResource.class));
        app.get("/v1/imports/{id}/failures", this::failures, Access.API_KEY);
        Operation failures = docs.operation(GET, "/v1/imports/{id}/failures", "listImportFailures",
                        "List an import's failed rows with their reasons, in line order", TAG, 404)
                .description("JSON pages by default. With Accept: text/csv, or format=csv, the whole list as one CSV "
                        + "(line,openid,reason), streamed; offset and limit do not apply to it.")
                .addParametersItem(ApiDocs.query("format", "json (pages, the default) or csv (the whole list).", "json", "csv"));
        ApiDocs.pageQuery().forEach(failures::addParametersItem);
        ApiResponse page = docs.page(ImportFailureResource.class);
        page.getContent().addMediaType(CSV, new MediaType().schema(new StringSchema()));
        failures.getResponses().addApiResponse("200", page);
    }

    private void start(Context ctx) throws IOException {
        CardId cardId = Params.cardId(ctx);
        TenantId tenant = Access.tenant(ctx);
        Problems.orAnswer(useCases.findCards().card(tenant, cardId)); // an unknown card is a 404 whatever the body
        ImportUpload body = ImportUpload.of(ctx, maxImportBytes);
        if (Access.caller(ctx).merchant().isEmpty()) {
            throw ApiProblem.of(ProblemType.MERCHANT_CREDENTIALS_MISSING, "importing members needs the tenant's "
                    + "WeChat Pay merchant credentials, and this tenant has none; add them first").toAnswer();
        }
        long started = System.nanoTime();
        ImportProgress progress;
        try {
            java.util.Iterator<ImportMembersUseCase.ImportLine> lines = UploadLines.members(body);
            progress = Problems.orAnswer(imports.start(new StartImportCommand(tenant, cardId, lines)));
        } catch (ApiProblem.Answer refused) {
            ImportUpload.drain(ctx);
            throw refused;
        } catch (ImportLines.UploadBroken broken) {
            if (broken.getCause() instanceof ImportUpload.BodyTooLarge tooLarge) {
                LOG.warn("import into card {} refused after line {}: {}", cardId, broken.afterLine(), tooLarge.getMessage());
                ImportUpload.drain(ctx);
                throw tooLarge.toAnswer();
            }
            LOG.warn("import into card {}: the upload broke off after line {} ({})", cardId, broken.afterLine(),
                    broken.getCause().toString());
            throw ApiProblem.of(ProblemType.INVALID_REQUEST, "the upload could not be read to its end (it broke off "
                    + "after line " + broken.afterLine() + "); nothing of it will be imported: send it again").toAnswer();
        }
        LOG.info("import {} into card {}: {} lines staged in {} ms", progress.job().id(), cardId,
                progress.job().linesRead(), (System.nanoTime() - started) / 1_000_000);
        ctx.header("Location", "/v1/imports/" + progress.job().id());
        ctx.status(202).json(ImportResources.of(progress));
    }

    private void read(Context ctx) {
        ImportJobId id = Params.importId(ctx);
        ctx.json(ImportResources.of(Problems.orAnswer(imports.progress(Access.tenant(ctx), id))));
    }

    private void failures(Context ctx) {
        ImportJobId id = Params.importId(ctx);
        if (!wantsCsv(ctx)) {
            PageRequest page = Params.page(ctx);
            ctx.json(PageResource.of(Problems.orAnswer(imports.failures(Access.tenant(ctx), id, page)),
                    ImportResources::failure));
            return;
        }
        for (String paging : List.of("offset", "limit")) {
            if (ctx.queryParam(paging) != null) {
                throw Params.invalidParameter(paging, "does not apply to the CSV export, which is the whole list; "
                        + "page through JSON instead");
            }
        }
        Page<ImportRow> first = Problems.orAnswer(imports.failures(Access.tenant(ctx), id, PageRequest.first(PageRequest.MAX_LIMIT)));
        exportCsv(ctx, id, first);
    }

    /**
     * {@code format} decides when given; otherwise CSV when the caller's Accept (read by Jetty's own parser of quality
     * lists) names text/csv, and application/json not with a higher q.
     */
    private static boolean wantsCsv(Context ctx) {
        String format = ctx.queryParam("format");
        if (format != null) {
            if (!format.equals("json") && !format.equals("csv")) {
                throw Params.invalidParameter("format", "must be json or csv, got " + Params.abbreviate(format));
            }
            return format.equals("csv");
        }
        QuotedQualityCSV accept = new QuotedQualityCSV(type -> mediaType(type).equals(CSV) ? 1 : 0); // a tie: CSV
        ctx.req().getHeaders("Accept").asIterator().forEachRemaining(accept::addValue);
        List<String> types = accept.getValues().stream().map(ImportRoutes::mediaType).toList(); // best first, no q=0
        int csv = types.indexOf(CSV);
        int json = types.indexOf(Params.JSON);
        return csv >= 0 && (json < 0 || csv < json);
    }

    private static String mediaType(String range) {
        return range.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Writes the whole list, a page at a time, straight to the response: memory holds one page, whatever the number
     * of failures. The answer is committed with the first bytes, so a failure after that cuts the CSV short (the
     * connection is closed without the final chunk) rather than turning into a problem.
     */
    private void exportCsv(Context ctx, ImportJobId id, Page<ImportRow> first) {
        ctx.status(200).contentType(CSV_UTF8);
        ctx.header("Content-Disposition", "attachment; filename=\"" + id + "-failures.csv\"");
        OutputStream out = ctx.outputStream();
        long rows = 0;
        try (SequenceWriter writer = CSV_MAPPER.writerFor(ImportFailureResource.class).with(FAILURES).writeValues(out)) {
            Page<ImportRow> page = first;
            while (true) {
                for (ImportRow row : page.items()) {
                    writer.write(ImportResources.failure(row));
                }
                rows += page.items().size();
                writer.flush();
                if (page.items().size() < page.request().limit()) {
                    break;
                }
                page = Problems.orAnswer(imports.failures(Access.tenant(ctx), id,
                        new PageRequest(Math.toIntExact(rows), PageRequest.MAX_LIMIT)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the failures of import " + id + " could not be written", e);
        }
        LOG.debug("import {}: {} failures exported as CSV", id, rows);
    }
}
