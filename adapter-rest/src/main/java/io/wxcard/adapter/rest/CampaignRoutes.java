package io.wxcard.adapter.rest;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.swagger.v3.oas.models.headers.Header;
import io.vavr.control.Option;
import io.wxcard.adapter.rest.CampaignResources.CampaignResource;
import io.wxcard.adapter.rest.CampaignResources.CampaignsResource;
import io.wxcard.adapter.rest.CampaignResources.ReviewRequest;
import io.wxcard.adapter.rest.CampaignResources.ReviewResource;
import io.wxcard.adapter.rest.CampaignResources.StartRequest;
import io.wxcard.application.port.in.ManageCampaignsUseCase;
import io.wxcard.application.port.in.ManageCampaignsUseCase.StartCampaignCommand;
import io.wxcard.domain.campaign.Campaign;
import io.wxcard.domain.campaign.CampaignJoin;
import io.wxcard.domain.campaign.CampaignId;
import io.wxcard.domain.campaign.CampaignKind;
import io.wxcard.domain.campaign.CampaignTerms;
import io.wxcard.domain.campaign.PayActivityTerms;
import io.wxcard.domain.campaign.PayActivityTerms.GiftStock;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.shared.Reason;
import io.wxcard.domain.shared.RejectionCode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Gift-on-joining campaigns (issue 20 item 3) and the pay-to-join rules among them (issue 17 item 5). A campaign is
 * refused, 409 naming why, while an import of the card runs or has failures nobody reviewed (unless overridden with a
 * reason), on a card not upgraded for a WeChat Pay activity, or overlapping another; nothing is stored or sent then.
 */
final class CampaignRoutes {

    private static final String TAG = "campaigns";
    private static final String OF_CARD = "/v1/cards/{id}/campaigns";
    private static final String ONE = "/v1/campaigns/{id}";
    private static final String JOINED_THROUGH = "/v1/cards/{id}/memberships/{code}/campaign";
    private static final String REVIEWED = "/v1/imports/{id}/failures-reviewed";

    private final ManageCampaignsUseCase campaigns;

    CampaignRoutes(ManageCampaignsUseCase campaigns) {
        this.campaigns = campaigns;
    }

    void register(Javalin app, ApiDocs docs) {
        app.post(OF_CARD, this::start, Access.API_KEY);
        docs.operation(POST, OF_CARD, "startCampaign", "Start a gift-on-joining campaign on a card", TAG,
                        404, 409, 413, 415, 422, 502, 503)
                .description("Refused with 409 campaign-blocked-by-import while an import of existing members into "
                        + "the card runs or has failed rows nobody reviewed (POST " + REVIEWED + "), unless "
                        + "override_reason says why; 409 campaign-card-not-upgraded for a WeChat Pay activity on a "
                        + "card not upgraded; 409 campaign-overlaps when a running campaign of the card covers the "
                        + "same payments. The answer's protected_members counts the existing members the imports "
                        + "brought in before it started.")
                .requestBody(docs.body(StartRequest.class, true))
                .getResponses().addApiResponse("201", docs.answer(CampaignResource.class)
                        .addHeaderObject("Location", new Header().description("/v1/campaigns/{id} of the campaign.")));
        app.get(OF_CARD, this::ofCard, Access.API_KEY);
        docs.operation(GET, OF_CARD, "listCampaigns", "List a card's campaigns, oldest first, each with WeChat's view "
                        + "(one list read of the account's rules and of the card's activities)", TAG, 404)
                .getResponses().addApiResponse("200", docs.answer(CampaignsResource.class));
        app.get(ONE, this::one, Access.API_KEY);
        docs.operation(GET, ONE, "getCampaign", "Read a campaign with WeChat's view of it (its state as WeChat has "
                        + "it; a rule deleted or an activity terminated on WeChat's side is recorded as ended; WeChat "
                        + "unreachable: our view with wechat.confirmed false)", TAG, 404)
                .getResponses().addApiResponse("200", docs.answer(CampaignResource.class));
        app.get(JOINED_THROUGH, this::joinedThrough, Access.API_KEY);
        docs.operation(GET, JOINED_THROUGH, "getMembershipCampaign",
                        "Read the campaign a membership joined through (404 when it came through none)", TAG, 404)
                .getResponses().addApiResponse("200", docs.answer(CampaignResources.JoinResource.class));
        app.post(ONE + "/terminate", this::terminate, Access.API_KEY);
        docs.operation(POST, ONE + "/terminate", "terminateCampaign",
                        "End a running campaign early (on WeChat first: the rule deleted, the activity terminated)",
                        TAG, 404, 409, 413, 415, 502, 503)
                .getResponses().addApiResponse("200", docs.answer(CampaignResource.class));
        app.post(REVIEWED, this::reviewed, Access.API_KEY);
        docs.operation(POST, REVIEWED, "reviewImportFailures",
                        "Record that someone looked at an import's failed rows: campaigns stop waiting for them", TAG,
                        404, 413, 415, 422)
                .requestBody(docs.body(ReviewRequest.class, true))
                .getResponses().addApiResponse("200", docs.answer(ReviewResource.class));
    }

    private void start(Context ctx) {
        var cardId = Params.cardId(ctx);
        StartRequest r = Params.body(ctx, StartRequest.class);
        Checks checks = new Checks();
        Option<CampaignKind> kind = checks.parseRequired("kind", r.kind(), CampaignRoutes::kind);
        String name = checks.required("name", r.name());
        Option<Instant> begin = checks.parseRequired("begin", r.begin(), CampaignRoutes::instant);
        Option<Instant> end = checks.parseRequired("end", r.end(), CampaignRoutes::instant);
        Option<Reason> override = checks.parse("override_reason", r.overrideReason(), Reason::new);
        List<String> mchids = r.mchids() == null ? List.of() : r.mchids();
        if (mchids.stream().anyMatch(java.util.Objects::isNull)) {
            checks.add("mchids", "holds no null");
        }
        Option<PayActivityTerms> pay = payActivity(checks, kind, r);
        CampaignTerms terms = checks.build("kind", () -> new CampaignTerms(kind.get(), name, mchids, begin.get(),
                end.get(), Option.of(r.leastCostFen()).map(Fen::of), Option.of(r.maxCostFen()).map(Fen::of), pay));
        checks.answerIfAny(RejectionCode.CAMPAIGN_INVALID, "the campaign is not valid");
        Campaign started = Problems.orAnswer(campaigns.start(new StartCampaignCommand(Access.tenant(ctx), cardId,
                terms, override)));
        ctx.status(201).header("Location", "/v1/campaigns/" + started.id().value())
                .json(resource(started));
    }

    /** A WeChat Pay activity's settings, each field named when wrong; none for PAY_TO_JOIN (refused if given). */
    private static Option<PayActivityTerms> payActivity(Checks checks, Option<CampaignKind> kind, StartRequest r) {
        boolean given = r.gifts() != null || r.logoUrl() != null || r.secondTitle() != null;
        if (!given && (kind.isEmpty() || !kind.get().payActivity())) {
            return Option.none();
        }
        List<String> raw = r.gifts() == null ? List.of() : r.gifts();
        List<GiftStock> gifts = new java.util.ArrayList<>();
        for (String gift : raw) {
            if (gift == null) {
                checks.add("gifts", "holds no null");
            }
            checks.parse("gifts", gift, GiftStock::parse).forEach(gifts::add);
        }
        String logo = checks.required("logo_url", r.logoUrl());
        String title = checks.required("second_title", r.secondTitle());
        return Option.of(checks.build("gifts", () -> new PayActivityTerms(gifts, logo, title)));
    }

    private void ofCard(Context ctx) {
        ctx.json(new CampaignResources.CampaignsResource(Problems.orAnswer(campaigns.reports(Access.tenant(ctx),
                Params.cardId(ctx))).stream().map(this::resource).toList()));
    }

    private void one(Context ctx) {
        ctx.json(resource(Problems.orAnswer(campaigns.report(Access.tenant(ctx), campaignId(ctx)))));
    }

    private void terminate(Context ctx) {
        CampaignId id = campaignId(ctx);
        Params.noBody(ctx);
        ctx.json(resource(Problems.orAnswer(campaigns.terminate(Access.tenant(ctx), id))));
    }

    private void joinedThrough(Context ctx) {
        var key = Params.membershipKey(ctx);
        CampaignJoin join = Problems.orAnswer(campaigns.joinedThrough(key.tenantId(), key.cardId(), key.code()))
                .getOrElseThrow(() -> ApiProblem.of(ProblemType.NOT_FOUND, "membership " + key.code().value()
                        + " of card " + key.cardId() + " joined through no campaign").toAnswer());
        ctx.json(CampaignResources.of(join));
    }

    private CampaignResources.CampaignResource resource(Campaign campaign) {
        return CampaignResources.of(campaign, membersJoined(campaign));
    }

    private CampaignResources.CampaignResource resource(ManageCampaignsUseCase.CampaignReport report) {
        return CampaignResources.of(report, membersJoined(report.campaign()));
    }

    private long membersJoined(Campaign campaign) {
        return Problems.orAnswer(campaigns.membersJoined(campaign.tenantId(), campaign.id()));
    }

    private void reviewed(Context ctx) {
        var importId = Params.importId(ctx);
        ReviewRequest r = Params.body(ctx, ReviewRequest.class);
        Checks checks = new Checks();
        Option<Reason> note = checks.parseRequired("note", r.note(), Reason::new);
        checks.answerIfAny("the review is not valid");
        ctx.json(CampaignResources.of(Problems.orAnswer(campaigns.reviewImportFailures(Access.tenant(ctx), importId,
                note.get()))));
    }

    /** A campaign id this platform could have made, or 404 (as {@link Params#importId} does for imports). */
    private static CampaignId campaignId(Context ctx) {
        try {
            return new CampaignId(ctx.pathParam("id"));
        } catch (IllegalArgumentException notAnId) {
            throw ApiProblem.of(ProblemType.NOT_FOUND, "campaign " + Params.abbreviate(ctx.pathParam("id"))
                    + " was not found: " + notAnId.getMessage()).toAnswer();
        }
    }

    private static CampaignKind kind(String raw) {
        try {
            return CampaignKind.valueOf(raw);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("is one of " + List.of(CampaignKind.values()) + ", got "
                    + Params.abbreviate(raw));
        }
    }

    private static Instant instant(String raw) {
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException notAnInstant) {
            throw new IllegalArgumentException("is an ISO-8601 instant such as 2027-01-01T00:00:00Z, got "
                    + Params.abbreviate(raw));
        }
    }
}
