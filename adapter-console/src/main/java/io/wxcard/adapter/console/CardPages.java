package io.wxcard.adapter.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import io.wxcard.application.port.in.AuditTrailUseCase.Change;
import io.wxcard.application.port.in.DraftCardUseCase.DraftCardCommand;
import io.wxcard.application.port.in.EditCardUseCase.EditCardCommand;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.SignedInOperator;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.CardState;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import io.wxcard.domain.operator.OperatorAction;
import java.util.List;
import java.util.Map;

/**
 * Cards: the list with state badges, the editor with a preview that looks like the card in WeChat (checked by the
 * domain's rules as the operator types, through htmx), submitting for review, and the review's result.
 */
final class CardPages {

    record CardRow(String id, String title, String brand, String state, String colourHex, String logoUrl) {}

    record CardsPage(Chrome chrome, List<CardRow> cards) {}

    /**
     * @param cardId empty for a new card
     * @param error  a failure of the last action, in words (WeChat's refusal, a conflict); empty when none
     */
    record EditorPage(Chrome chrome, String cardId, String state, String refusalReason, CardForm form,
                      Map<String, String> problems, boolean editable, boolean submittable, String error) {

        String problem(String field) {
            return problems.getOrDefault(field, "");
        }

        boolean reviewing() {
            return state.equals(CardState.UNDER_REVIEW.name());
        }

        /** WeChat hands the card out only once it approved it. */
        boolean distributable() {
            return state.equals(CardState.APPROVED.name()) || state.equals(CardState.ISSUED.name());
        }
    }

    private final ConsoleUseCases useCases;

    CardPages(ConsoleUseCases useCases) {
        this.useCases = useCases;
    }

    void register(JavalinDefaultRouting routing) {
        routing.get(ConsolePaths.CARDS, ctx -> Pages.guarded(ctx, this::list), ConsoleAccess.SIGNED_IN);
        routing.get(ConsolePaths.CARDS + "/new", ctx -> Pages.guarded(ctx, this::create), ConsoleAccess.SIGNED_IN);
        routing.post(ConsolePaths.CARDS + "/check", ctx -> Pages.guarded(ctx, this::check), ConsoleAccess.SIGNED_IN);
        routing.post(ConsolePaths.CARDS, ctx -> Pages.guarded(ctx, this::draft), ConsoleAccess.SIGNED_IN);
        routing.get(ConsolePaths.CARDS + "/{id}", ctx -> Pages.guarded(ctx, this::show), ConsoleAccess.SIGNED_IN);
        routing.get(ConsolePaths.CARDS + "/{id}/state", ctx -> Pages.guarded(ctx, this::state), ConsoleAccess.SIGNED_IN);
        routing.post(ConsolePaths.CARDS + "/{id}", ctx -> Pages.guarded(ctx, this::edit), ConsoleAccess.SIGNED_IN);
        routing.post(ConsolePaths.CARDS + "/{id}/submit", ctx -> Pages.guarded(ctx, this::submit),
                ConsoleAccess.SIGNED_IN);
    }

    private void list(Context ctx) {
        SignedInOperator operator = Guard.operator(ctx);
        List<CardRow> rows = useCases.findCards().cards(operator.tenantId(), Option.none(), PageRequest.first(100))
                .items().stream().map(CardPages::row).toList();
        ctx.render("cards.jte", Map.of("page", new CardsPage(Pages.chrome(ctx, "cards"), rows)));
    }

    private static CardRow row(Card card) {
        var base = card.definition().baseInfo();
        return new CardRow(card.id().value(), base.title(), base.brandName(), card.state().name(),
                Palette.hex(base.color()), base.logoUrl());
    }

    private void create(Context ctx) {
        Guard.allowed(ctx, OperatorAction.EDIT_CARD);
        renderEditor(ctx, new EditorPage(Pages.chrome(ctx, "cards"), "", "", "", CardForm.blank(), Map.of(), true,
                false, ""));
    }

    /** htmx, as the operator types: the preview and every field's problem, nothing stored. */
    private void check(Context ctx) {
        Guard.operator(ctx);
        Option<MemberCardDefinition> current = Option.of(ctx.formParam("card_id")).filter(id -> !id.isBlank())
                .flatMap(id -> card(ctx, id).toOption()).map(Card::definition);
        CardForm form = CardForm.of(ctx);
        ctx.render("card_check.jte", Map.of("page", new EditorPage(Pages.chrome(ctx, "cards"), "", "", "", form,
                form.problems(current, Messages.of(ctx)), true, false, "")));
    }

    private void draft(Context ctx) {
        SignedInOperator operator = Guard.allowed(ctx, OperatorAction.EDIT_CARD);
        CardForm form = CardForm.of(ctx);
        Map<String, String> problems = form.problems(Option.none(), Messages.of(ctx));
        if (!problems.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderEditor(ctx, new EditorPage(Pages.chrome(ctx, "cards"), "", "", "", form, problems, true, false, ""));
            return;
        }
        Either<Failure, Card> drafted = useCases.audit().audited(operator,
                () -> useCases.draftCard().draft(new DraftCardCommand(operator.tenantId(), form.definition(Option.none()))),
                card -> Option.of(new Change("card.draft", card.id().value(), "", summary(card))));
        if (drafted.isLeft()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderEditor(ctx, new EditorPage(Pages.chrome(ctx, "cards"), "", "", "", form, problems, true, false,
                    Messages.of(ctx).failure(drafted.getLeft())));
            return;
        }
        Card card = drafted.get();
        ctx.redirect(ConsolePaths.CARDS + "/" + card.id().value(), HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx) {
        Either<Failure, Card> card = card(ctx, ctx.pathParam("id"));
        if (card.isLeft()) {
            Pages.notFound(ctx);
            return;
        }
        renderEditor(ctx, editor(ctx, card.get(), CardForm.of(card.get().definition()), Map.of(), ""));
    }

    /** htmx, while the card is under review: its state badge, polled until review ends. */
    private void state(Context ctx) {
        Either<Failure, Card> card = card(ctx, ctx.pathParam("id"));
        if (card.isLeft()) {
            Pages.notFound(ctx);
            return;
        }
        if (card.get().state() != CardState.UNDER_REVIEW) {
            ctx.header("HX-Refresh", "true"); // review is over: the whole page changes (editor, submit button)
        }
        ctx.render("card_state.jte", Map.of("page", editor(ctx, card.get(), CardForm.of(card.get().definition()),
                Map.of(), "")));
    }

    private void edit(Context ctx) {
        SignedInOperator operator = Guard.allowed(ctx, OperatorAction.EDIT_CARD);
        Either<Failure, Card> found = card(ctx, ctx.pathParam("id"));
        if (found.isLeft()) {
            Pages.notFound(ctx);
            return;
        }
        Card before = found.get();
        CardForm form = CardForm.of(ctx);
        Option<MemberCardDefinition> current = Option.of(before.definition());
        Map<String, String> problems = form.problems(current, Messages.of(ctx));
        if (!problems.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderEditor(ctx, editor(ctx, before, form, problems, ""));
            return;
        }
        Either<Failure, Card> edited = useCases.audit().audited(operator,
                () -> useCases.editCard().edit(new EditCardCommand(operator.tenantId(), before.id(),
                        form.definition(current))),
                after -> Option.of(new Change("card.edit", before.id().value(), summary(before), summary(after))));
        if (edited.isLeft()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderEditor(ctx, editor(ctx, before, form, problems, Messages.of(ctx).failure(edited.getLeft())));
            return;
        }
        ctx.redirect(ConsolePaths.CARDS + "/" + before.id().value(), HttpStatus.SEE_OTHER);
    }

    private void submit(Context ctx) {
        SignedInOperator operator = Guard.allowed(ctx, OperatorAction.SUBMIT_CARD);
        Either<Failure, Card> found = card(ctx, ctx.pathParam("id"));
        if (found.isLeft()) {
            Pages.notFound(ctx);
            return;
        }
        Card before = found.get();
        Either<Failure, Card> submitted = useCases.audit().audited(operator,
                () -> useCases.submitCard().submit(operator.tenantId(), before.id()),
                after -> Option.of(new Change("card.submit", before.id().value(), before.state().name(),
                        after.state().name())));
        if (submitted.isLeft()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderEditor(ctx, editor(ctx, before, CardForm.of(before.definition()), Map.of(),
                    Messages.of(ctx).failure(submitted.getLeft())));
            return;
        }
        ctx.redirect(ConsolePaths.CARDS + "/" + before.id().value(), HttpStatus.SEE_OTHER);
    }

    private EditorPage editor(Context ctx, Card card, CardForm form, Map<String, String> problems, String error) {
        boolean admin = Guard.operator(ctx).may(OperatorAction.EDIT_CARD);
        boolean editable = admin && card.state() != CardState.DELETED && card.state() != CardState.UNDER_REVIEW;
        boolean submittable = admin && card.checkSubmittable().isRight();
        return new EditorPage(Pages.chrome(ctx, "cards"), card.id().value(), card.state().name(),
                card.refusalReason().getOrElse(""), form, problems, editable, submittable, error);
    }

    private static void renderEditor(Context ctx, EditorPage page) {
        ctx.render("card_edit.jte", Map.of("page", page));
    }

    /** The card, when it is the operator's tenant's; another tenant's id is not found, like one that never was. */
    private Either<Failure, Card> card(Context ctx, String id) {
        return Try.of(() -> new CardId(id)).toEither().<Failure>mapLeft(bad -> new Failure.NotFound("card " + id))
                .flatMap(cardId -> useCases.findCards().card(Guard.operator(ctx).tenantId(), cardId));
    }

    private static String summary(Card card) {
        var base = card.definition().baseInfo();
        return card.state().name() + ", " + base.brandName() + " / " + base.title() + ", " + base.color();
    }
}
