package io.wxcard.adapter.rest;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.PUT;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.adapter.rest.LoyaltyResources.CountResource;
import io.wxcard.adapter.rest.LoyaltyResources.LevelRequest;
import io.wxcard.adapter.rest.LoyaltyResources.LevelsRequest;
import io.wxcard.adapter.rest.LoyaltyResources.LoyaltyResource;
import io.wxcard.adapter.rest.LoyaltyResources.NoticesRequest;
import io.wxcard.adapter.rest.LoyaltyResources.PointsRuleRequest;
import io.wxcard.adapter.rest.LoyaltyResources.PurchaseRequest;
import io.wxcard.adapter.rest.LoyaltyResources.PurchaseResource;
import io.wxcard.adapter.rest.LoyaltyResources.SetLevelRequest;
import io.wxcard.adapter.rest.LoyaltyResources.StandingResource;
import io.wxcard.adapter.rest.LoyaltyResources.TemplateRequest;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.RecordPurchaseUseCase.PurchaseResult;
import io.wxcard.application.port.in.RecordPurchaseUseCase.RecordPurchaseCommand;
import io.wxcard.domain.card.image.WechatImageUrl;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.loyalty.DemotionPeriod;
import io.wxcard.domain.loyalty.LevelEntry;
import io.wxcard.domain.loyalty.LevelName;
import io.wxcard.domain.loyalty.LevelScheme;
import io.wxcard.domain.loyalty.MemberLevel;
import io.wxcard.domain.loyalty.NoticeSettings;
import io.wxcard.domain.loyalty.PointsExpiry;
import io.wxcard.domain.loyalty.PointsRule;
import io.wxcard.domain.loyalty.TemplateNotice;
import io.wxcard.domain.membership.CustomFieldValue;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.shared.Reason;
import io.wxcard.domain.shared.RejectionCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A card's loyalty set-up (levels, points rule, notices), members' purchases and levels, and the periods' runs
 * (issue 17). The domain refuses overlapping levels and a rule that could round a purchase to negative points, each
 * answered 422 naming the field; nothing is stored then.
 */
final class LoyaltyRoutes {

    private static final String TAG = "loyalty";
    private static final String CARD = "/v1/cards/{id}";
    private static final String MEMBER = CARD + "/memberships/{code}";

    private final LoyaltyUseCases useCases;

    LoyaltyRoutes(LoyaltyUseCases useCases) {
        this.useCases = useCases;
    }

    void register(Javalin app, ApiDocs docs) {
        app.get(CARD + "/loyalty", this::read, Access.API_KEY);
        docs.operation(GET, CARD + "/loyalty", "getLoyalty", "Read a card's levels, points rule and notices", TAG, 404)
                .getResponses().addApiResponse("200", docs.answer(LoyaltyResource.class));
        put(app, docs, "/levels", "setLevels", "Set a card's member levels and their card faces", LevelsRequest.class,
                this::levels);
        put(app, docs, "/points-rules", "setPointsRule", "Set how purchases earn points (and the card's bonus_rule)",
                PointsRuleRequest.class, this::pointsRule);
        put(app, docs, "/notices", "setNotices", "Choose which changes notify members, and the template messages",
                NoticesRequest.class, this::notices);
        app.post(MEMBER + "/purchases", this::purchase, Access.API_KEY);
        docs.operation(POST, MEMBER + "/purchases", "recordPurchase", "Record a purchase: its points and any promotion",
                        TAG, 404, 409, 413, 415, 422)
                .addParametersItem(ApiDocs.header(MembershipRoutes.IDEMPOTENCY_KEY, "Names this one purchase; required."))
                .requestBody(docs.body(PurchaseRequest.class, true))
                .getResponses().addApiResponse("201", docs.answer(PurchaseResource.class));
        app.get(MEMBER + "/level", this::standing, Access.API_KEY);
        docs.operation(GET, MEMBER + "/level", "getMemberLevel", "Read a member's level and its history", TAG, 404)
                .getResponses().addApiResponse("200", docs.answer(StandingResource.class));
        app.put(MEMBER + "/level", this::setLevel, Access.API_KEY);
        docs.operation(PUT, MEMBER + "/level", "setMemberLevel", "Move a member to a level by hand", TAG,
                        404, 409, 413, 415, 422)
                .requestBody(docs.body(SetLevelRequest.class, true))
                .getResponses().addApiResponse("200", docs.answer(StandingResource.class));
        app.post(CARD + "/points-expiry", ctx -> count(ctx, useCases.periods().expirePoints(Access.tenant(ctx),
                Params.cardId(ctx))), Access.API_KEY);
        docs.operation(POST, CARD + "/points-expiry", "expirePoints", "Expire the points the card's rule says are due",
                TAG, 404).getResponses().addApiResponse("200", docs.answer(CountResource.class));
        app.post(CARD + "/level-review", ctx -> count(ctx, useCases.periods().reviewLevels(Access.tenant(ctx),
                Params.cardId(ctx))), Access.API_KEY);
        docs.operation(POST, CARD + "/level-review", "reviewLevels", "Move members down at a demotion period's end",
                TAG, 404).getResponses().addApiResponse("200", docs.answer(CountResource.class));
        app.post(CARD + "/level-promotion", ctx -> count(ctx, useCases.periods().promoteQualified(Access.tenant(ctx),
                Params.cardId(ctx))), Access.API_KEY);
        docs.operation(POST, CARD + "/level-promotion", "promoteQualifiedMembers", "Move up every member whose points "
                + "or spend already hold a higher level (members from before the levels were set)", TAG, 404)
                .getResponses().addApiResponse("200", docs.answer(CountResource.class));
    }

    private interface Handler {
        void handle(Context ctx);
    }

    private void put(Javalin app, ApiDocs docs, String path, String id, String summary, Class<?> body, Handler h) {
        app.put(CARD + path, h::handle, Access.API_KEY);
        docs.operation(PUT, CARD + path, id, summary, TAG, 404, 409, 413, 415, 422, 502, 503)
                .requestBody(docs.body(body, true))
                .getResponses().addApiResponse("200", docs.answer(LoyaltyResource.class));
    }

    private void read(Context ctx) {
        ctx.json(LoyaltyResources.of(Problems.orAnswer(useCases.configure().program(Access.tenant(ctx),
                Params.cardId(ctx)))));
    }

    private void levels(Context ctx) {
        LevelsRequest request = Params.body(ctx, LevelsRequest.class);
        Checks checks = new Checks();
        List<LevelRequest> given = checks.required("levels", request.levels());
        List<MemberLevel> levels = new ArrayList<>();
        for (int i = 0; given != null && i < given.size(); i++) {
            level(checks, "levels[" + i + "].", given.get(i)).forEach(levels::add);
        }
        Option<DemotionPeriod> demotion = Option.none();
        if (request.demotion() != null) {
            Integer months = checks.required("demotion.months", request.demotion().months());
            Option<Instant> firstEnd = checks.parseRequired("demotion.first_end", request.demotion().firstEnd(),
                    LoyaltyRoutes::instant);
            demotion = Option.of(checks.build("demotion.months", () -> new DemotionPeriod(months, firstEnd.get())))
                    .filter(java.util.Objects::nonNull);
        }
        checks.answerIfAny(RejectionCode.LEVELS_INVALID, "the levels are not valid");
        LevelScheme scheme = Problems.orAnswer(LevelScheme.of(levels, demotion).mapLeft(Failure.Rejected::new));
        ctx.json(LoyaltyResources.of(Problems.orAnswer(useCases.configure().setLevels(Access.tenant(ctx),
                Params.cardId(ctx), scheme))));
    }

    private static Instant instant(String raw) {
        try {
            return Instant.parse(raw);
        } catch (java.time.format.DateTimeParseException notAnInstant) {
            throw new IllegalArgumentException("is an ISO-8601 instant such as 2027-01-01T00:00:00Z, got " + raw);
        }
    }

    private static Option<MemberLevel> level(Checks checks, String at, LevelRequest l) {
        Option<LevelName> name = checks.parseRequired(at + "name", l.name(), LevelName::new);
        Option<CustomFieldValue> text = checks.parseRequired(at + "field_text", l.fieldText(), CustomFieldValue::new);
        Option<WechatImageUrl> face = checks.parse(at + "card_face_url", l.cardFaceUrl(), WechatImageUrl::new);
        String entry = checks.required(at + "entry", l.entry());
        LevelEntry parsed = null;
        if ("BASE".equals(entry)) {
            parsed = new LevelEntry.Base();
        } else if ("SET_BY_MERCHANT".equals(entry)) {
            parsed = new LevelEntry.SetByMerchant();
        } else if ("THRESHOLD".equals(entry)) {
            parsed = new LevelEntry.Threshold(Option.of(l.points()).map(Points::of),
                    Option.of(l.lifetimeSpendFen()).map(Fen::of));
        } else if (entry != null) {
            checks.add(at + "entry", "is BASE, THRESHOLD or SET_BY_MERCHANT, got " + entry);
        }
        return name.isEmpty() || text.isEmpty() || parsed == null ? Option.none()
                : Option.of(new MemberLevel(name.get(), parsed, face, text.get()));
    }

    private void pointsRule(Context ctx) {
        PointsRuleRequest r = Params.body(ctx, PointsRuleRequest.class);
        Checks checks = new Checks();
        Long unit = checks.required("spend_unit_fen", r.spendUnitFen());
        Long points = checks.required("points_per_unit", r.pointsPerUnit());
        Option<PointsExpiry> expiry = checks.parse("expiry_days", r.expiryDays(), PointsExpiry::new);
        checks.answerIfAny(RejectionCode.POINTS_RULE_INVALID, "the points rule is not valid");
        PointsRule rule = Problems.orAnswer(PointsRule.of(Fen.of(unit), points,
                Option.of(r.maxPointsPerPurchase()).map(Points::of), expiry).mapLeft(Failure.Rejected::new));
        ctx.json(LoyaltyResources.of(Problems.orAnswer(useCases.configure().setPointsRule(Access.tenant(ctx),
                Params.cardId(ctx), rule))));
    }

    private void notices(Context ctx) {
        NoticesRequest n = Params.body(ctx, NoticesRequest.class);
        Checks checks = new Checks();
        Option<TemplateNotice> onPoints = template(checks, "on_points", n.onPoints());
        Option<TemplateNotice> onBalance = template(checks, "on_balance", n.onBalance());
        Option<TemplateNotice> afterPurchase = template(checks, "after_purchase", n.afterPurchase());
        checks.answerIfAny(RejectionCode.NOTICES_INVALID, "the notices are not valid");
        NoticeSettings settings = new NoticeSettings(!Boolean.FALSE.equals(n.notifyPoints()),
                !Boolean.FALSE.equals(n.notifyBalance()), !Boolean.FALSE.equals(n.notifyLevel()), onPoints, onBalance,
                afterPurchase);
        ctx.json(LoyaltyResources.of(Problems.orAnswer(useCases.configure().setNotices(Access.tenant(ctx),
                Params.cardId(ctx), settings))));
    }

    private static Option<TemplateNotice> template(Checks checks, String field, TemplateRequest t) {
        return t == null ? Option.none() : Option.of(checks.build(field, () -> new TemplateNotice(t.templateId(),
                t.marketingLine(), Option.of(t.link())))).filter(java.util.Objects::nonNull);
    }

    private void purchase(Context ctx) {
        MembershipKey key = Params.membershipKey(ctx);
        var idempotencyKey = MembershipRoutes.idempotencyKey(ctx);
        PurchaseRequest request = Params.body(ctx, PurchaseRequest.class);
        Checks checks = new Checks();
        Long amount = checks.required("amount_fen", request.amountFen());
        checks.answerIfAny("the purchase is not valid");
        var command = Checks.command(() -> new RecordPurchaseCommand(key, Fen.of(amount), idempotencyKey));
        PurchaseResult result = Problems.orAnswer(useCases.purchases().purchase(command));
        if (result.replayed()) {
            ctx.header(MembershipRoutes.REPLAYED, "true");
        }
        ctx.status(201).json(new PurchaseResource(result.purchase().amount().value(), result.purchase().earned().value(),
                result.entry().map(LedgerEntry::sequence).getOrNull(),
                result.promoted().map(change -> change.to().value()).getOrNull()));
    }

    private void standing(Context ctx) {
        MembershipKey key = Params.membershipKey(ctx);
        ctx.json(LoyaltyResources.of(Problems.orAnswer(useCases.levels().standing(key)),
                Problems.orAnswer(useCases.levels().levelHistory(key))));
    }

    private void setLevel(Context ctx) {
        MembershipKey key = Params.membershipKey(ctx);
        SetLevelRequest request = Params.body(ctx, SetLevelRequest.class);
        Checks checks = new Checks();
        Option<LevelName> level = checks.parseRequired("level", request.level(), LevelName::new);
        checks.parseRequired("reason", request.reason(), Reason::new);
        checks.answerIfAny("the level change is not valid");
        Problems.orAnswer(useCases.levels().setLevel(key, level.get(), request.reason()));
        standing(ctx);
    }

    private static void count(Context ctx, Either<Failure, Integer> result) {
        ctx.json(new CountResource(Problems.orAnswer(result)));
    }
}
