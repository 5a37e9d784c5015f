package io.wxcard.adapter.console;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import io.javalin.router.JavalinDefaultRouting;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import io.wxcard.application.port.in.AuditTrailUseCase.Change;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.ImportLines;
import io.wxcard.application.port.in.ImportMembersUseCase.ImportLine;
import io.wxcard.application.port.in.ImportMembersUseCase.ImportProgress;
import io.wxcard.application.port.in.ImportMembersUseCase.StartImportCommand;
import io.wxcard.application.port.in.SignedInOperator;
import io.wxcard.application.port.out.store.ImportReview;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.CardState;
import io.wxcard.domain.imports.ImportJob;
import io.wxcard.domain.imports.ImportJobId;
import io.wxcard.domain.imports.ImportRow;
import io.wxcard.domain.operator.OperatorAction;
import io.wxcard.domain.shared.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Imports: an operator uploads the old member list as CSV (read by the application's {@link ImportLines}, the same
 * reader as the API's), then watches the job: a progress bar htmx refreshes until every row is settled, and the failed
 * rows as a CSV to fix and upload again.
 */
final class ImportPages {

    private static final CsvMapper CSV = CsvMapper.builder().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).build();
    private static final CsvSchema FAILURES = CsvSchema.builder().addColumn("line", CsvSchema.ColumnType.NUMBER)
            .addColumn("openid").addColumn("reason").build().withHeader();
    /** The multipart part that holds the file. */
    static final String FILE = "members";

    record CardChoice(String id, String title) {}

    record UploadPage(Chrome chrome, List<CardChoice> cards, String cardId, String error, String detail,
                      List<PastImport> past) {}

    /** One of the tenant's imports, as the list of past ones shows it. */
    record PastImport(String id, String cardId, String when, String status, long lines, long imported, long skipped,
                      long failed) {}

    /** How many of the tenant's latest imports the imports page lists. */
    static final int PAST_IMPORTS = 20;
    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.of("Asia/Shanghai"));

    /**
     * @param percent settled rows of staged ones, 0-100
     * @param review  for a finished import with failed rows: UNREVIEWED (campaigns of the card wait for someone to
     *                look at them) or REVIEWED; empty otherwise, and on the polled fragment
     */
    record ProgressPage(Chrome chrome, String id, String cardId, String status, long lines, long duplicates,
                        ImportJob.Counts counts, int percent, String rate, String eta, String review) {
        boolean running() {
            return !status.equals(ImportJob.Status.COMPLETED.name());
        }
    }

    private final ConsoleUseCases useCases;

    ImportPages(ConsoleUseCases useCases) {
        this.useCases = useCases;
    }

    void register(JavalinDefaultRouting routing) {
        routing.get(ConsolePaths.IMPORTS, ctx -> Pages.guarded(ctx, this::form), ConsoleAccess.SIGNED_IN);
        routing.post(ConsolePaths.IMPORTS, ctx -> Pages.guarded(ctx, this::upload), ConsoleAccess.SIGNED_IN);
        routing.get(ConsolePaths.IMPORTS + "/{id}", ctx -> Pages.guarded(ctx, this::show), ConsoleAccess.SIGNED_IN);
        routing.get(ConsolePaths.IMPORTS + "/{id}/progress", ctx -> Pages.guarded(ctx, this::progress),
                ConsoleAccess.SIGNED_IN);
        routing.post(ConsolePaths.IMPORTS + "/{id}/failures-reviewed", ctx -> Pages.guarded(ctx, this::reviewed),
                ConsoleAccess.SIGNED_IN);
        routing.get(ConsolePaths.IMPORTS + "/{id}/failures.csv", ctx -> Pages.guarded(ctx, this::failures),
                ConsoleAccess.SIGNED_IN);
    }

    private void form(Context ctx) {
        Guard.allowed(ctx, OperatorAction.IMPORT_MEMBERS);
        renderForm(ctx, "", "", "");
    }

    private void upload(Context ctx) throws IOException {
        SignedInOperator operator = Guard.allowed(ctx, OperatorAction.IMPORT_MEMBERS);
        Messages t = Messages.of(ctx);
        String cardId = ctx.formParam("card_id") == null ? "" : ctx.formParam("card_id");
        Option<CardId> card = Try.of(() -> new CardId(cardId)).toOption();
        UploadedFile file = ctx.uploadedFile(FILE);
        if (card.isEmpty() || file == null || file.size() == 0) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderForm(ctx, cardId, t.get(card.isEmpty() ? "imports.no_card" : "imports.no_file"), "");
            return;
        }
        Either<Failure, ImportProgress> started;
        try (InputStream in = file.content()) {
            Either<ImportLines.Refusal, Iterator<ImportLine>> lines = ImportLines.csv(in);
            if (lines.isLeft()) {
                ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
                renderForm(ctx, cardId, t.get("imports.not_an_import"), lines.getLeft().detail());
                return;
            }
            started = useCases.audit().audited(operator,
                    () -> useCases.imports().start(new StartImportCommand(operator.tenantId(), card.get(), lines.get())),
                    progress -> Option.of(new Change("import.start", progress.job().id().value(), "",
                            "card " + cardId + ", " + file.filename() + ": " + progress.job().linesRead() + " lines")));
        } catch (ImportLines.UploadBroken broken) {
            ctx.status(HttpStatus.BAD_REQUEST);
            renderForm(ctx, cardId, t.format("imports.broken", broken.afterLine()), "");
            return;
        }
        if (started.isLeft()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderForm(ctx, cardId, t.failure(started.getLeft()), "");
            return;
        }
        ctx.redirect(ConsolePaths.IMPORTS + "/" + started.get().job().id().value(), HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx) {
        Guard.allowed(ctx, OperatorAction.READ);
        Either<Failure, ImportProgress> progress = job(ctx);
        if (progress.isLeft()) {
            Pages.notFound(ctx);
            return;
        }
        ImportJob job = progress.get().job();
        String review = job.status() != ImportJob.Status.COMPLETED || progress.get().counts().failed() == 0 ? ""
                : useCases.campaigns().importSituation(Guard.operator(ctx).tenantId(), job.cardId())
                        .map(s -> s.unreviewedFailed().contains(job.id().value()) ? "UNREVIEWED" : "REVIEWED")
                        .getOrElse("");
        ctx.render("import.jte", Map.of("page", page(ctx, progress.get(), review)));
    }

    /** Someone looked at the failed rows (with a note saying what they found): campaigns stop waiting for them. */
    private void reviewed(Context ctx) {
        SignedInOperator operator = Guard.allowed(ctx, OperatorAction.IMPORT_MEMBERS);
        Either<Failure, ImportProgress> progress = job(ctx);
        if (progress.isLeft()) {
            Pages.notFound(ctx);
            return;
        }
        ImportJobId id = progress.get().job().id();
        Messages t = Messages.of(ctx);
        String note = ctx.formParam("note") == null ? "" : ctx.formParam("note").strip();
        if (note.isEmpty() || note.length() > Reason.MAX_LENGTH) {
            refuseReview(ctx, progress.get(), t.format("import.review_note_required", Reason.MAX_LENGTH));
            return;
        }
        Either<Failure, ImportReview> done = useCases.audit().audited(operator,
                () -> useCases.campaigns().reviewImportFailures(operator.tenantId(), id, new Reason(note)),
                review -> Option.of(new Change("import.failures_reviewed", id.value(), "", review.note().value())));
        if (done.isLeft()) {
            refuseReview(ctx, progress.get(), t.failure(done.getLeft()));
            return;
        }
        ctx.redirect(ConsolePaths.IMPORTS + "/" + id.value(), HttpStatus.SEE_OTHER);
    }

    private static void refuseReview(Context ctx, ImportProgress progress, String error) {
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        ctx.render("import.jte", Map.of("page", page(ctx, progress, "UNREVIEWED"), "error", error));
    }

    /** htmx, every second while the job runs: the bar and the counts. */
    private void progress(Context ctx) {
        Guard.allowed(ctx, OperatorAction.READ);
        Either<Failure, ImportProgress> progress = job(ctx);
        if (progress.isLeft()) {
            Pages.notFound(ctx);
            return;
        }
        ctx.render("import_progress.jte", Map.of("page", page(ctx, progress.get(), "")));
    }

    /** The failed rows, streamed a page at a time as one CSV: line, openid, reason. */
    private void failures(Context ctx) {
        Guard.allowed(ctx, OperatorAction.READ);
        SignedInOperator operator = Guard.operator(ctx);
        Either<Failure, ImportProgress> progress = job(ctx);
        if (progress.isLeft()) {
            Pages.notFound(ctx);
            return;
        }
        ImportJobId id = progress.get().job().id();
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + id + "-failures.csv\"");
        try (SequenceWriter writer = CSV.writerFor(FailureLine.class).with(FAILURES).writeValues(ctx.outputStream())) {
            int offset = 0;
            while (true) {
                Page<ImportRow> page = useCases.imports().failures(operator.tenantId(), id,
                        new PageRequest(offset, PageRequest.MAX_LIMIT)).get();
                for (ImportRow row : page.items()) {
                    writer.write(new FailureLine(row.lineNumber(), row.openId(), row.detail().getOrElse("")));
                }
                offset += page.items().size();
                if (page.items().size() < PageRequest.MAX_LIMIT) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the failures of import " + id + " could not be written", e);
        }
    }

    /** One failed row, as the CSV names its columns. */
    record FailureLine(long line, String openid, String reason) {}

    private Either<Failure, ImportProgress> job(Context ctx) {
        return Try.of(() -> new ImportJobId(ctx.pathParam("id"))).toEither()
                .<Failure>mapLeft(bad -> new Failure.NotFound("import"))
                .flatMap(id -> useCases.imports().progress(Guard.operator(ctx).tenantId(), id));
    }

    private static ProgressPage page(Context ctx, ImportProgress p, String review) {
        ImportJob job = p.job();
        ImportJob.Counts counts = p.counts();
        int percent = counts.staged() == 0 ? (job.status() == ImportJob.Status.COMPLETED ? 100 : 0)
                : (int) (100 * counts.settled() / counts.staged());
        Messages t = Messages.of(ctx);
        String rate = p.rate() > 0 ? t.format("imports.rate", String.format("%.1f", p.rate())) : "";
        String eta = p.eta().map(d -> t.format("imports.eta", Math.max(1, d.toSeconds()))).getOrElse("");
        return new ProgressPage(Pages.chrome(ctx, "imports"), job.id().value(), job.cardId().value(),
                job.status().name(), job.linesRead(), job.duplicatesInFile(), counts, percent, rate, eta, review);
    }

    private void renderForm(Context ctx, String cardId, String error, String detail) {
        List<CardChoice> cards = useCases.findCards().cards(Guard.operator(ctx).tenantId(), Option.none(),
                        PageRequest.first(100)).items().stream()
                .filter(c -> c.state() == CardState.APPROVED || c.state() == CardState.ISSUED)
                .map(ImportPages::choice).toList();
        List<PastImport> past = useCases.imports().recent(Guard.operator(ctx).tenantId(), PAST_IMPORTS).stream()
                .map(ImportPages::past).toList();
        ctx.render("imports.jte", Map.of("page", new UploadPage(Pages.chrome(ctx, "imports"), cards, cardId, error,
                detail, past)));
    }

    private static PastImport past(ImportProgress progress) {
        ImportJob job = progress.job();
        ImportJob.Counts counts = progress.counts();
        return new PastImport(job.id().value(), job.cardId().value(), WHEN.format(job.createdAt()), job.status().name(),
                job.linesRead(), counts.imported(), counts.skipped(), counts.failed());
    }

    private static CardChoice choice(Card card) {
        return new CardChoice(card.id().value(), card.definition().baseInfo().title());
    }
}
