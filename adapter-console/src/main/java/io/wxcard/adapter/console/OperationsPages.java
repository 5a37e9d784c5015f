package io.wxcard.adapter.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.AuditTrailUseCase.Change;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.SignedInOperator;
import io.wxcard.application.port.out.events.WebhookDelivery;
import io.wxcard.application.port.out.store.OutboxMessage;
import io.wxcard.application.port.out.store.OutboxStore.OutboxStats;
import io.wxcard.domain.operator.OperatorAction;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Operations, for admins: how many calls to WeChat wait in the outbox and how long the oldest has waited, the calls
 * and webhook posts that failed for good (each sent again with one click), and WeChat's low-stock warnings.
 */
final class OperationsPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private static final int DEAD_DELIVERIES_SHOWN = 50;

    record DeadLetter(String id, String kind, String what, int attempts, String since, String lastError) {}

    record DeadDelivery(String webhookId, String url, String eventId, String eventType, int attempts, String since,
                        String lastError) {}

    record OperationsPage(Chrome chrome, long pending, long dead, long oldestPendingSeconds, long stockAlerts,
                          int webhooks, List<DeadLetter> deadLetters, List<DeadDelivery> deadDeliveries,
                          String notice, String error) {}

    private final ConsoleUseCases useCases;

    OperationsPages(ConsoleUseCases useCases) {
        this.useCases = useCases;
    }

    void register(JavalinDefaultRouting routing) {
        routing.get(ConsolePaths.OPERATIONS, ctx -> Pages.guarded(ctx, this::show), ConsoleAccess.SIGNED_IN);
        routing.post(ConsolePaths.OPERATIONS + "/dead-letters/{id}/retry", ctx -> Pages.guarded(ctx, this::retry),
                ConsoleAccess.SIGNED_IN);
        routing.post(ConsolePaths.OPERATIONS + "/webhooks/{webhook}/deliveries/{event}/redeliver",
                ctx -> Pages.guarded(ctx, this::redeliver), ConsoleAccess.SIGNED_IN);
    }

    private void show(Context ctx) {
        Guard.allowed(ctx, OperatorAction.MANAGE_DELIVERIES);
        String done = ctx.queryParam("done");
        render(ctx, done == null ? "" : Messages.of(ctx).get("operations.done." + ("webhook".equals(done) ? "webhook"
                : "outbox")), "");
    }

    /** A dead call to WeChat, queued again; another tenant's id is "not found". */
    private void retry(Context ctx) {
        SignedInOperator admin = Guard.allowed(ctx, OperatorAction.MANAGE_DELIVERIES);
        String id = ctx.pathParam("id");
        Either<Failure, String> retried = useCases.audit().audited(admin,
                () -> useCases.deadLetters().retry(admin.tenantId(), id) ? Either.right(id)
                        : Either.left(new Failure.NotFound("dead letter " + id)),
                letter -> Option.of(new Change("outbox.retry", letter, "dead", "pending")));
        if (retried.isLeft()) {
            ctx.status(HttpStatus.NOT_FOUND);
            render(ctx, "", Messages.of(ctx).failure(retried.getLeft()));
            return;
        }
        ctx.redirect(ConsolePaths.OPERATIONS + "?done=outbox", HttpStatus.SEE_OTHER);
    }

    private void redeliver(Context ctx) {
        SignedInOperator admin = Guard.allowed(ctx, OperatorAction.MANAGE_DELIVERIES);
        String webhook = ctx.pathParam("webhook");
        String event = ctx.pathParam("event");
        Either<Failure, WebhookDelivery> again = useCases.audit().audited(admin,
                () -> useCases.webhooks().redeliver(admin.tenantId(), webhook, event),
                delivery -> Option.of(new Change("webhook.redeliver", "webhook " + webhook + " event " + event,
                        "dead", delivery.state().name().toLowerCase())));
        if (again.isLeft()) {
            ctx.status(again.getLeft() instanceof Failure.NotFound ? HttpStatus.NOT_FOUND
                    : HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, "", Messages.of(ctx).failure(again.getLeft()));
            return;
        }
        ctx.redirect(ConsolePaths.OPERATIONS + "?done=webhook", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, String notice, String error) {
        SignedInOperator admin = Guard.operator(ctx);
        OutboxStats backlog = useCases.deadLetters().backlog();
        List<DeadLetter> letters = useCases.deadLetters().deadLetters(admin.tenantId()).stream()
                .map(OperationsPages::letter).toList();
        List<DeadDelivery> deliveries = useCases.webhooks().deadDeliveries(admin.tenantId(), DEAD_DELIVERIES_SHOWN)
                .stream().map(OperationsPages::delivery).toList();
        ctx.render("operations.jte", Map.of("page", new OperationsPage(Pages.chrome(ctx, "operations"),
                backlog.pending(), backlog.dead(), backlog.oldestPendingAge().toSeconds(),
                useCases.stockAlerts().stockLowAlerts(), useCases.webhooks().webhooks(admin.tenantId()).size(),
                letters, deliveries, notice, error)));
    }

    private static DeadLetter letter(OutboxMessage m) {
        String what = String.join(", ", m.task().fields().entrySet().stream()
                .map(field -> field.getKey() + " " + field.getValue()).toList());
        return new DeadLetter(m.id(), m.task().kind(), what, m.attempts(), WHEN.format(m.createdAt()),
                m.lastError().getOrElse(""));
    }

    private static DeadDelivery delivery(WebhookDelivery d) {
        return new DeadDelivery(d.webhook().id(), d.webhook().url().toString(), d.event().id(),
                d.event().type().wireName(), d.attempts(), WHEN.format(d.owedAt()), d.lastError().getOrElse(""));
    }
}
