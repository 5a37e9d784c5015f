package io.wxcard.adapter.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import io.wxcard.application.port.in.AuditTrailUseCase.Change;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.ManageCampaignsUseCase.StartCampaignCommand;
import io.wxcard.application.port.in.SignedInOperator;
import io.wxcard.application.port.out.Clock;
import io.wxcard.domain.campaign.Campaign;
import io.wxcard.domain.campaign.CampaignId;
import io.wxcard.domain.campaign.CampaignKind;
import io.wxcard.domain.campaign.CampaignTerms;
import io.wxcard.domain.campaign.ImportSituation;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.operator.OperatorAction;
import io.wxcard.domain.shared.Reason;
import io.wxcard.domain.shared.RejectionCode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A card's gift-on-joining campaigns: the list, a new one (its fields those of its kind, {@link CampaignForm}), one
 * campaign, and ending it early. A start the card's imports hold back (one running, or failures nobody reviewed) is
 * refused in words naming those imports, with links to them, and offers the override with a reason.
 */
final class CampaignPages {

    /** One campaign as the pages show it; {@code state} is RUNNING, SCHEDULED, ENDED or TERMINATED. */
    record CampaignRow(String id, String kind, String name, String begin, String end, String state,
                       long protectedMembers, List<String> mchids, String amounts, String override,
                       String wechatId, String terminatedAt) {}

    /** An import that holds campaigns of the card back, and why: RUNNING or UNREVIEWED. */
    record BlockingImport(String id, String why) {}

    /**
     * @param error    the last start's refusal in words; empty when none
     * @param detail   the domain's own sentence for terms it refused; empty when none
     * @param override whether to offer starting anyway, with a reason
     */
    record CampaignsPage(Chrome chrome, String cardId, String cardTitle, List<CampaignRow> campaigns,
                         List<CampaignKind> kinds, CampaignForm form, Map<String, String> problems,
                         List<BlockingImport> blocking, String error, String detail, boolean override) {
        String problem(String field) {
            return problems.getOrDefault(field, "");
        }
    }

    record CampaignPage(Chrome chrome, String cardId, CampaignRow campaign, boolean terminable, String error) {}

    private final ConsoleUseCases useCases;
    private final Clock clock;

    CampaignPages(ConsoleUseCases useCases, Clock clock) {
        this.useCases = useCases;
        this.clock = clock;
    }

    void register(JavalinDefaultRouting routing) {
        routing.get(ConsolePaths.CARDS + "/{id}/campaigns", ctx -> Pages.guarded(ctx, this::list),
                ConsoleAccess.SIGNED_IN);
        routing.post(ConsolePaths.CARDS + "/{id}/campaigns", ctx -> Pages.guarded(ctx, this::start),
                ConsoleAccess.SIGNED_IN);
        routing.get(ConsolePaths.CAMPAIGNS + "/{id}", ctx -> Pages.guarded(ctx, this::show), ConsoleAccess.SIGNED_IN);
        routing.post(ConsolePaths.CAMPAIGNS + "/{id}/terminate", ctx -> Pages.guarded(ctx, this::terminate),
                ConsoleAccess.SIGNED_IN);
    }

    private void list(Context ctx) {
        Guard.allowed(ctx, OperatorAction.READ);
        Either<Failure, Card> card = card(ctx);
        if (card.isLeft()) {
            Pages.notFound(ctx);
            return;
        }
        CampaignForm form = CampaignForm.blank(CampaignForm.kindOf(ctx.queryParam("kind")), clock.now());
        render(ctx, card.get(), form, Map.of(), "", "", false);
    }

    private void start(Context ctx) {
        SignedInOperator operator = Guard.allowed(ctx, OperatorAction.RUN_CAMPAIGNS);
        Either<Failure, Card> card = card(ctx);
        if (card.isLeft()) {
            Pages.notFound(ctx);
            return;
        }
        Messages t = Messages.of(ctx);
        CampaignForm form = CampaignForm.of(ctx);
        Either<Map<String, String>, Either<String, CampaignTerms>> read = form.terms(t);
        Either<String, Option<Reason>> override = form.override(t);
        if (read.isLeft() || override.isLeft()) {
            Map<String, String> problems = new java.util.LinkedHashMap<>(read.isLeft() ? read.getLeft() : Map.of());
            override.swap().forEach(problem -> problems.put(CampaignForm.OVERRIDE, problem));
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, card.get(), form, problems, "", "", override.isLeft());
            return;
        }
        if (read.get().isLeft()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, card.get(), form, Map.of(), t.get("rejection." + RejectionCode.CAMPAIGN_INVALID),
                    read.get().getLeft(), false);
            return;
        }
        CampaignTerms terms = read.get().get();
        Either<Failure, Campaign> started = useCases.audit().audited(operator,
                () -> useCases.campaigns().start(new StartCampaignCommand(operator.tenantId(), card.get().id(), terms,
                        override.get())),
                campaign -> Option.of(new Change("campaign.start", campaign.id().value(), "", summary(campaign))));
        if (started.isLeft()) {
            boolean blocked = started.getLeft() instanceof Failure.Rejected rejected
                    && rejected.rejection().code() == RejectionCode.CAMPAIGN_BLOCKED_BY_IMPORT;
            ctx.status(started.getLeft() instanceof Failure.Rejected ? HttpStatus.CONFLICT
                    : HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, card.get(), form, Map.of(), t.failure(started.getLeft()), "", blocked);
            return;
        }
        ctx.redirect(ConsolePaths.CAMPAIGNS + "/" + started.get().id().value(), HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx) {
        Guard.allowed(ctx, OperatorAction.READ);
        Either<Failure, Campaign> campaign = campaign(ctx);
        if (campaign.isLeft()) {
            Pages.notFound(ctx);
            return;
        }
        renderOne(ctx, campaign.get(), "");
    }

    private void terminate(Context ctx) {
        SignedInOperator operator = Guard.allowed(ctx, OperatorAction.RUN_CAMPAIGNS);
        Either<Failure, Campaign> found = campaign(ctx);
        if (found.isLeft()) {
            Pages.notFound(ctx);
            return;
        }
        Campaign before = found.get();
        Either<Failure, Campaign> ended = useCases.audit().audited(operator,
                () -> useCases.campaigns().terminate(operator.tenantId(), before.id()),
                after -> Option.of(new Change("campaign.terminate", before.id().value(), summary(before),
                        "terminated at " + after.terminatedAt().get())));
        if (ended.isLeft()) {
            ctx.status(ended.getLeft() instanceof Failure.Rejected ? HttpStatus.CONFLICT
                    : HttpStatus.UNPROCESSABLE_CONTENT);
            renderOne(ctx, before, Messages.of(ctx).failure(ended.getLeft()));
            return;
        }
        ctx.redirect(ConsolePaths.CAMPAIGNS + "/" + before.id().value(), HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, Card card, CampaignForm form, Map<String, String> problems, String error,
                        String detail, boolean override) {
        var tenant = Guard.operator(ctx).tenantId();
        Messages t = Messages.of(ctx);
        Instant now = clock.now();
        List<CampaignRow> rows = useCases.campaigns().campaigns(tenant, card.id()).getOrElse(List.of()).stream()
                .map(c -> row(c, now, t)).toList();
        ImportSituation imports = useCases.campaigns().importSituation(tenant, card.id())
                .getOrElse(new ImportSituation(List.of(), List.of(), 0));
        List<BlockingImport> blocking = new java.util.ArrayList<>();
        imports.running().forEach(id -> blocking.add(new BlockingImport(id, "RUNNING")));
        imports.unreviewedFailed().forEach(id -> blocking.add(new BlockingImport(id, "UNREVIEWED")));
        ctx.render("campaigns.jte", Map.of("page", new CampaignsPage(Pages.chrome(ctx, "cards"), card.id().value(),
                card.definition().baseInfo().title(), rows, List.of(CampaignKind.values()), form, problems,
                List.copyOf(blocking), error, detail, override)));
    }

    private void renderOne(Context ctx, Campaign campaign, String error) {
        boolean terminable = campaign.runningAt(clock.now()) && Guard.operator(ctx).may(OperatorAction.RUN_CAMPAIGNS);
        ctx.render("campaign.jte", Map.of("page", new CampaignPage(Pages.chrome(ctx, "cards"),
                campaign.cardId().value(), row(campaign, clock.now(), Messages.of(ctx)), terminable, error)));
    }

    private static CampaignRow row(Campaign c, Instant now, Messages t) {
        CampaignTerms terms = c.terms();
        String state = c.terminatedAt().isDefined() ? "TERMINATED" : !c.runningAt(now) ? "ENDED"
                : now.isBefore(terms.begin()) ? "SCHEDULED" : "RUNNING";
        String amounts = terms.leastCost().isDefined() && terms.maxCost().isDefined()
                ? t.format("campaign.amounts", MemberPages.yuan(terms.leastCost().get().value()),
                MemberPages.yuan(terms.maxCost().get().value())) : "";
        return new CampaignRow(c.id().value(), terms.kind().name(), terms.name(), CampaignForm.shown(terms.begin()),
                CampaignForm.shown(terms.end()), state, c.protectedMembers(), terms.mchids(), amounts,
                c.override().map(Reason::value).getOrElse(""), c.wechatId(),
                c.terminatedAt().map(CampaignForm::shown).getOrElse(""));
    }

    /** The card, when it is the operator's tenant's; another tenant's id is not found, like one that never was. */
    private Either<Failure, Card> card(Context ctx) {
        String id = ctx.pathParam("id");
        return Try.of(() -> new CardId(id)).toEither().<Failure>mapLeft(bad -> new Failure.NotFound("card " + id))
                .flatMap(cardId -> useCases.findCards().card(Guard.operator(ctx).tenantId(), cardId));
    }

    private Either<Failure, Campaign> campaign(Context ctx) {
        String id = ctx.pathParam("id");
        return Try.of(() -> new CampaignId(id)).toEither()
                .<Failure>mapLeft(bad -> new Failure.NotFound("campaign " + id))
                .flatMap(campaignId -> useCases.campaigns().campaign(Guard.operator(ctx).tenantId(), campaignId));
    }

    private static String summary(Campaign c) {
        CampaignTerms terms = c.terms();
        return terms.kind() + " \"" + terms.name() + "\" of card " + c.cardId() + ", " + terms.begin() + " to "
                + terms.end() + ", " + c.protectedMembers() + " members protected"
                + c.override().map(reason -> ", imports overridden: " + reason).getOrElse("");
    }
}
