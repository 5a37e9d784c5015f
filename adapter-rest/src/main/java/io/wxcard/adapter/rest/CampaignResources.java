package io.wxcard.adapter.rest;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import io.wxcard.application.port.out.store.ImportReview;
import io.wxcard.domain.campaign.Campaign;
import io.wxcard.domain.campaign.CampaignJoin;
import io.wxcard.application.port.in.ManageCampaignsUseCase.CampaignReport;
import io.wxcard.application.port.in.ManageCampaignsUseCase.WechatView;
import io.wxcard.domain.campaign.CampaignTerms;
import io.wxcard.domain.campaign.PayActivityTerms;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.shared.Reason;
import java.time.Instant;
import java.util.List;

/** The JSON of the campaign routes (issue 20 item 3, issue 17 item 5): requests as sent, resources as answered. */
final class CampaignResources {

    private CampaignResources() {}

    @Schema(description = "A gift-on-joining campaign: a pay-to-join rule (PAY_TO_JOIN) or a WeChat Pay member-card "
            + "activity (the other kinds; the card must be upgraded for WeChat Pay).")
    record StartRequest(
            @Schema(description = "PAY_TO_JOIN, NON_MEMBER_AFTERPAY, MEMBER_AFTERPAY, NON_MEMBER_MINIPROGRAM or "
                    + "MEMBER_MINIPROGRAM.", requiredMode = REQUIRED) String kind,
            @Schema(description = "The campaign's name: at most " + CampaignTerms.MAX_NAME + " characters for "
                    + "PAY_TO_JOIN, at most " + CampaignTerms.MAX_ACTIVITY_NAME + " for a WeChat Pay activity "
                    + "(activity_name).", requiredMode = REQUIRED) String name,
            @Schema(description = "The WeChat Pay merchants (mchid) whose payments count; PAY_TO_JOIN, "
                    + "NON_MEMBER_AFTERPAY and MEMBER_AFTERPAY need one (an activity's pay_activity_setting.mchid_list).")
            List<String> mchids,
            @Schema(description = "An ISO-8601 instant, e.g. 2027-01-01T00:00:00Z.", requiredMode = REQUIRED)
            String begin,
            @Schema(description = "An ISO-8601 instant after begin; a WeChat Pay activity runs at most 90 days and "
                    + "ends within a year from now.", requiredMode = REQUIRED) String end,
            @Schema(description = "PAY_TO_JOIN: the smallest payment that counts, in fen (least_cost).")
            Long leastCostFen,
            @Schema(description = "PAY_TO_JOIN: the largest payment that counts, in fen (max_cost).") Long maxCostFen,
            @Schema(description = "Starts the campaign although an import of the card runs or has unreviewed "
                    + "failures: why (at most " + Reason.MAX_LENGTH + " characters).") String overrideReason,
            @Schema(description = "WeChat Pay activities (required for them): the coupon batches given "
                    + "(stock_list), 1 to " + PayActivityTerms.MAX_GIFTS + ", each written "
                    + "stock_creator_mchid:stock_id, e.g. 1900000109:98065001.") List<String> gifts,
            @Schema(description = "WeChat Pay activities (required): the merchant's logo on the payment page, an "
                    + "https URL of at most " + PayActivityTerms.MAX_LOGO_URL + " characters (pay_activity_setting"
                    + ".logo_url).") String logoUrl,
            @Schema(description = "WeChat Pay activities (required): the line under the name, at most "
                    + PayActivityTerms.MAX_SECOND_TITLE + " characters (activity_second_title).") String secondTitle) {}

    @Schema(description = "What someone found looking at an import's failed rows.")
    record ReviewRequest(@Schema(description = "What the failures were, at most " + Reason.MAX_LENGTH + " characters.",
            requiredMode = REQUIRED) String note) {}

    record CampaignResource(String id, String cardId, String kind, String name, List<String> mchids, String begin,
                            String end, Long leastCostFen, Long maxCostFen,
                            @Schema(description = "WeChat's rule_id (PAY_TO_JOIN) or activity_id.") String wechatId,
                            @Schema(description = "Existing members the card's imports brought in before the "
                                    + "campaign started: not new, so not rewarded for joining.") long protectedMembers,
                            String overrideReason, String startedAt, String terminatedAt,
                            @Schema(description = "WeChat Pay activities: the coupon batches, "
                                    + "stock_creator_mchid:stock_id.") List<String> gifts, String logoUrl,
                            String secondTitle,
                            @Schema(description = "Members who joined through it: receipts WeChat pushed after a "
                                    + "payment (SourceScene SOURCE_SCENE_PAY, inferred) while it alone ran on the "
                                    + "card.") long membersJoined,
                            @Schema(description = "What WeChat says of it now; on reads only (GET), absent in the "
                                    + "answers of start and terminate.") WechatViewResource wechat) {}

    @Schema(description = "WeChat's view of the campaign. confirmed false: WeChat could not be read (problem says "
            + "why) and the rest of the campaign is our stored view only.")
    record WechatViewResource(boolean confirmed,
                              @Schema(description = "An activity's activity_status (CREATED, ONGOING, TERMINATED, "
                                      + "OVER_TIME); RULE_PRESENT or RULE_DELETED for a pay-to-join rule.")
                              String state,
                              @Schema(description = "WeChat ended it while we had it running (deleted or terminated "
                                      + "on WeChat's side): it is now recorded as terminated.") boolean endedOnWechat,
                              String problem) {}

    @Schema(description = "The campaign a membership joined through, and what WeChat's receipt said.")
    record JoinResource(String campaignId, String cardId, String code, String openid,
                        @Schema(description = "The receipt's SourceScene.") String sourceScene,
                        @Schema(description = "When WeChat saw the card taken (the push's CreateTime).")
                        String joinedAt) {}

    record CampaignsResource(List<CampaignResource> campaigns) {}

    record ReviewResource(String importId, String note, String reviewedAt) {}

    static CampaignResource of(Campaign c, long membersJoined) {
        return of(c, membersJoined, null);
    }

    static CampaignResource of(CampaignReport report, long membersJoined) {
        WechatView w = report.wechat();
        return of(report.campaign(), membersJoined, new WechatViewResource(w.confirmed(), w.state().getOrNull(),
                w.endedOnWechat(), w.problem().getOrNull()));
    }

    private static CampaignResource of(Campaign c, long membersJoined, WechatViewResource wechat) {
        CampaignTerms t = c.terms();
        return new CampaignResource(c.id().value(), c.cardId().value(), t.kind().name(), t.name(), t.mchids(),
                t.begin().toString(), t.end().toString(), t.leastCost().map(Fen::value).getOrNull(),
                t.maxCost().map(Fen::value).getOrNull(), c.wechatId(), c.protectedMembers(),
                c.override().map(r -> r.value()).getOrNull(), c.startedAt().toString(),
                c.terminatedAt().map(Instant::toString).getOrNull(),
                t.payActivity().map(p -> p.gifts().stream().map(Object::toString).toList()).getOrNull(),
                t.payActivity().map(PayActivityTerms::logoUrl).getOrNull(),
                t.payActivity().map(PayActivityTerms::secondTitle).getOrNull(), membersJoined, wechat);
    }

    static JoinResource of(CampaignJoin join) {
        return new JoinResource(join.campaignId().value(), join.cardId().value(), join.code().value(),
                join.openId().value(), join.sourceScene(), join.joinedAt().toString());
    }

    static ReviewResource of(ImportReview review) {
        return new ReviewResource(review.jobId().value(), review.note().value(), review.reviewedAt().toString());
    }
}
