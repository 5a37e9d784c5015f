package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ImportReview;
import io.wxcard.domain.campaign.Campaign;
import io.wxcard.domain.campaign.CampaignId;
import io.wxcard.domain.campaign.CampaignJoin;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.campaign.CampaignTerms;
import io.wxcard.domain.campaign.ImportSituation;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.imports.ImportJobId;
import io.wxcard.domain.shared.Reason;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;
import java.util.Objects;

/**
 * Gift-on-joining campaigns (issue 20 item 3; issue 17 item 5): pay-to-join rules and WeChat Pay member-card
 * activities as one thing, guarded so that an import of existing members never lets an old member be paid as new.
 */
public interface ManageCampaignsUseCase {

    Either<Failure, Campaign> start(StartCampaignCommand command);

    Either<Failure, List<Campaign>> campaigns(TenantId tenantId, CardId cardId);

    Either<Failure, Campaign> campaign(TenantId tenantId, CampaignId id);

    /** How many members joined through the campaign (a pay-to-join rule's receipts attributed to it). */
    Either<Failure, Long> membersJoined(TenantId tenantId, CampaignId id);

    /** The campaign a membership of the card joined through, if one brought it. */
    Either<Failure, Option<CampaignJoin>> joinedThrough(TenantId tenantId, CardId cardId, Code code);

    /**
     * The campaign as stored and as WeChat has it now (a rule's getbyid, confirmed by batchget when WeChat no longer
     * knows it; an activity's state). A campaign WeChat has ended is recorded as terminated. WeChat unreachable: our
     * view, flagged as not confirmed, never a failure.
     */
    Either<Failure, CampaignReport> report(TenantId tenantId, CampaignId id);

    /** The card's campaigns, oldest first, reconciled with one list read of WeChat's rules and the card's activities. */
    Either<Failure, List<CampaignReport>> reports(TenantId tenantId, CardId cardId);

    /** Ends a running campaign early, on WeChat first. */
    Either<Failure, Campaign> terminate(TenantId tenantId, CampaignId id);

    /**
     * How the card's imports stand for a campaign starting now: the ones running, the finished ones whose failed rows
     * nobody reviewed (either refuses a start without an override), and the members they imported.
     */
    Either<Failure, ImportSituation> importSituation(TenantId tenantId, CardId cardId);

    /** Someone looked at an import's failed rows: campaigns on its card stop waiting for them. */
    Either<Failure, ImportReview> reviewImportFailures(TenantId tenantId, ImportJobId jobId, Reason note);

    /** A campaign with what WeChat says of it. */
    record CampaignReport(Campaign campaign, WechatView wechat) {
        public CampaignReport {
            Objects.requireNonNull(campaign, "campaign");
            Objects.requireNonNull(wechat, "WeChat's view");
        }
    }

    /**
     * @param confirmed     WeChat answered (else: our stored view only, and {@code problem} says why)
     * @param state         WeChat's state (an activity's activity_status; RULE_PRESENT / RULE_DELETED for a rule)
     * @param endedOnWechat WeChat has ended it although we had it running: it is now recorded as terminated
     */
    record WechatView(boolean confirmed, Option<String> state, boolean endedOnWechat, Option<String> problem) {
        public static WechatView unconfirmed(String problem) {
            return new WechatView(false, Option.none(), false, Option.of(problem));
        }

        public static WechatView seen(String state, boolean endedOnWechat) {
            return new WechatView(true, Option.of(state), endedOnWechat, Option.none());
        }
    }

    /** @param override why the campaign starts although an import is running or has unreviewed failures */
    record StartCampaignCommand(TenantId tenantId, CardId cardId, CampaignTerms terms, Option<Reason> override) {
        public StartCampaignCommand {
            Objects.requireNonNull(tenantId, "tenant");
            Objects.requireNonNull(cardId, "card");
            Objects.requireNonNull(terms, "terms");
            override = override == null ? Option.none() : override;
        }
    }
}
