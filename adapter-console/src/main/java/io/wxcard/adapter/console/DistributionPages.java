package io.wxcard.adapter.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import io.wxcard.application.port.in.AuditTrailUseCase.Change;
import io.wxcard.application.port.in.DistributeCardUseCase.CreateQrCodeCommand;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.SignedInOperator;
import io.wxcard.application.port.out.wechat.QrCode;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.operator.OperatorAction;
import java.util.Map;

/**
 * Distribution: a QR code per store (WeChat's {@code outer_str} tells the stores apart in the {@code user_get_card}
 * push), drawn on a printable poster (A5, or A4 by the printer's choice) with the card's preview.
 */
final class DistributionPages {

    /** @param qrSvg the QR code's picture (our own SVG), empty before one is made */
    record DistributionPage(Chrome chrome, String cardId, CardForm card, String store, String qrSvg, String qrUrl,
                            String error) {}

    private final ConsoleUseCases useCases;

    DistributionPages(ConsoleUseCases useCases) {
        this.useCases = useCases;
    }

    void register(JavalinDefaultRouting routing) {
        routing.get(ConsolePaths.CARDS + "/{id}/distribution", ctx -> Pages.guarded(ctx, this::show),
                ConsoleAccess.SIGNED_IN);
        routing.post(ConsolePaths.CARDS + "/{id}/posters", ctx -> Pages.guarded(ctx, this::poster),
                ConsoleAccess.SIGNED_IN);
    }

    private void show(Context ctx) {
        Guard.allowed(ctx, OperatorAction.DISTRIBUTE_CARD);
        Either<Failure, Card> card = card(ctx);
        if (card.isLeft()) {
            Pages.notFound(ctx);
            return;
        }
        render(ctx, card.get(), "", "", "", "");
    }

    private void poster(Context ctx) {
        SignedInOperator operator = Guard.allowed(ctx, OperatorAction.DISTRIBUTE_CARD);
        Either<Failure, Card> card = card(ctx);
        if (card.isLeft()) {
            Pages.notFound(ctx);
            return;
        }
        String store = ctx.formParam("store") == null ? "" : ctx.formParam("store").strip();
        Try<CreateQrCodeCommand> command = Try.of(() -> new CreateQrCodeCommand(operator.tenantId(), card.get().id(),
                Option.none(), Option.none(), false, Option.of(store).filter(s -> !s.isEmpty()), Option.none()));
        if (command.isFailure()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, card.get(), store, "", "", Messages.of(ctx).get("distribution.store_invalid"));
            return;
        }
        Either<Failure, QrCode> qr = useCases.audit().audited(operator,
                () -> useCases.distributeCard().createQrCode(command.get()),
                made -> Option.of(new Change("card.qr_code", card.get().id().value(), "",
                        "store " + (store.isEmpty() ? "(none)" : store))));
        if (qr.isLeft()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, card.get(), store, "", "", Messages.of(ctx).failure(qr.getLeft()));
            return;
        }
        render(ctx, card.get(), store, QrSvg.of(qr.get().url()), qr.get().url(), "");
    }

    private void render(Context ctx, Card card, String store, String svg, String url, String error) {
        ctx.render("distribution.jte", Map.of("page", new DistributionPage(Pages.chrome(ctx, "cards"),
                card.id().value(), CardForm.of(card.definition()), store, svg, url, error)));
    }

    private Either<Failure, Card> card(Context ctx) {
        String id = ctx.pathParam("id");
        return Try.of(() -> new CardId(id)).toEither().<Failure>mapLeft(bad -> new Failure.NotFound("card " + id))
                .flatMap(cardId -> useCases.findCards().card(Guard.operator(ctx).tenantId(), cardId));
    }
}
