package io.wxcard.adapter.rest;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import io.wxcard.application.port.out.store.ImportReview;
import io.wxcard.domain.campaign.Campaign;
import io.wxcard.domain.campaign.CampaignTerms;
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
            @Schema(description = "The campaign's name, at most " + CampaignTerms.MAX_NAME + " characters.",
                    requiredMode = REQUIRED) String name,
            @Schema(description = "The WeChat Pay merchants (mchid) whose payments count; PAY_TO_JOIN needs one.")
            List<String> mchids,
            @Schema(description = "An ISO-8601 instant, e.g. 2027-01-01T00:00:00Z.", requiredMode = REQUIRED)
            String begin,
            @Schema(description = "An ISO-8601 instant after begin.", requiredMode = REQUIRED) String end,
            @Schema(description = "PAY_TO_JOIN: the smallest payment that counts, in fen (least_cost).")
            Long leastCostFen,
            @Schema(description = "PAY_TO_JOIN: the largest payment that counts, in fen (max_cost).") Long maxCostFen,
            @Schema(description = "Starts the campaign although an import of the card runs or has unreviewed "
                    + "failures: why (at most " + Reason.MAX_LENGTH + " characters).") String overrideReason) {}

    @Schema(description = "What someone found looking at an import's failed rows.")
    record ReviewRequest(@Schema(description = "What the failures were, at most " + Reason.MAX_LENGTH + " characters.",
            requiredMode = REQUIRED) String note) {}

    record CampaignResource(String id, String cardId, String kind, String name, List<String> mchids, String begin,
                            String end, Long leastCostFen, Long maxCostFen,
                            @Schema(description = "WeChat's rule_id (PAY_TO_JOIN) or activity_id.") String wechatId,
                            @Schema(description = "Existing members the card's imports brought in before the "
                                    + "campaign started: not new, so not rewarded for joining.") long protectedMembers,
                            String overrideReason, String startedAt, String terminatedAt) {}

    record CampaignsResource(List<CampaignResource> campaigns) {}

    record ReviewResource(String importId, String note, String reviewedAt) {}

    static CampaignResource of(Campaign c) {
        CampaignTerms t = c.terms();
        return new CampaignResource(c.id().value(), c.cardId().value(), t.kind().name(), t.name(), t.mchids(),
                t.begin().toString(), t.end().toString(), t.leastCost().map(Fen::value).getOrNull(), t.maxCost().map(Fen::value).getOrNull(),
                c.wechatId(), c.protectedMembers(), c.override().map(r -> r.value()).getOrNull(),
                c.startedAt().toString(), c.terminatedAt().map(Instant::toString).getOrNull());
    }

    static CampaignsResource of(List<Campaign> campaigns) {
        return new CampaignsResource(campaigns.stream().map(CampaignResources::of).toList());
    }

    static ReviewResource of(ImportReview review) {
        return new ReviewResource(review.jobId().value(), review.note().value(), review.reviewedAt().toString());
    }
}
