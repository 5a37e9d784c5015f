package io.wxcard.domain.campaign;

import static io.wxcard.domain.shared.RejectionCode.CAMPAIGN_BLOCKED_BY_IMPORT;
import static io.wxcard.domain.shared.RejectionCode.CAMPAIGN_CARD_NOT_UPGRADED;
import static io.wxcard.domain.shared.RejectionCode.CAMPAIGN_INVALID;
import static io.wxcard.domain.shared.RejectionCode.CAMPAIGN_NOT_RUNNING;
import static io.wxcard.domain.shared.RejectionCode.CAMPAIGN_OVERLAPS;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.shared.Reason;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A gift-on-joining campaign of one card, run by WeChat as a pay-to-join rule or a WeChat Pay member-card activity.
 * It starts only when the card's imports of existing members cannot make old members look new (none running, no
 * failures unlooked-at), unless the operator overrides with a reason; it reports how many members the imports
 * protected when it started.
 *
 * @param wechatId WeChat's {@code rule_id} or {@code activity_id}
 */
public record Campaign(CampaignId id, TenantId tenantId, CardId cardId, CampaignTerms terms, String wechatId,
                       long protectedMembers, Option<Reason> override, Instant startedAt,
                       Option<Instant> terminatedAt) {

    public Campaign {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenant");
        Objects.requireNonNull(cardId, "card");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(wechatId, "WeChat id");
        Objects.requireNonNull(override, "override");
        Objects.requireNonNull(startedAt, "started at");
        Objects.requireNonNull(terminatedAt, "terminated at");
    }

    /**
     * Whether a campaign with these terms may start now (asked before telling WeChat): the card upgraded for a
     * WeChat Pay activity; no running campaign of the card overlapping it; the imports settled and looked at,
     * unless {@code override} says why not.
     */
    public static Either<Rejection, ImportSituation> mayStart(CardId cardId, CampaignTerms terms,
                                                              boolean cardUpgradedForPay, List<Campaign> ofCard,
                                                              ImportSituation imports, Option<Reason> override,
                                                              Instant now) {
        if (terms.kind().payActivity() && !cardUpgradedForPay) {
            return Either.left(Rejection.of(CAMPAIGN_CARD_NOT_UPGRADED, "card " + cardId + " is not upgraded for "
                    + "WeChat Pay: a " + terms.kind() + " activity needs the card upgraded first"));
        }
        if (terms.kind().payActivity() && terms.end().isAfter(now.plus(java.time.Duration.ofDays(365)))) {
            return Either.left(Rejection.of(CAMPAIGN_INVALID, "a WeChat Pay activity can be set at most one year "
                    + "ahead (最长可以配置1年内的活动): it ends " + terms.end() + ", more than a year from now"));
        }
        Option<Campaign> overlapping = Option.ofOptional(ofCard.stream()
                .filter(other -> other.runningAt(now) && other.terms.overlaps(terms)).findFirst());
        if (overlapping.isDefined()) {
            return Either.left(Rejection.of(CAMPAIGN_OVERLAPS, "campaign " + overlapping.get().id + " of card "
                    + cardId + " already covers the same payments at the same time (" + overlapping.get().terms.name()
                    + "); change the amounts, merchants or dates, or terminate it first"));
        }
        if (override.isEmpty() && !imports.running().isEmpty()) {
            return Either.left(Rejection.of(CAMPAIGN_BLOCKED_BY_IMPORT, "import " + String.join(", ",
                    imports.running()) + " of existing members into card " + cardId + " is still running: members "
                    + "not yet imported would look new and get the joining gift; wait for it, or override with a "
                    + "reason"));
        }
        if (override.isEmpty() && !imports.unreviewedFailed().isEmpty()) {
            return Either.left(Rejection.of(CAMPAIGN_BLOCKED_BY_IMPORT, "import " + String.join(", ",
                    imports.unreviewedFailed()) + " into card " + cardId + " has failed rows nobody has looked at: "
                    + "those members would look new; review the failures, or override with a reason"));
        }
        return Either.right(imports);
    }

    public static Campaign started(CampaignId id, TenantId tenantId, CardId cardId, CampaignTerms terms,
                                   String wechatId, ImportSituation imports, Option<Reason> override, Instant now) {
        return new Campaign(id, tenantId, cardId, terms, wechatId, imports.protectedMembers(), override, now,
                Option.none());
    }

    public boolean runningAt(Instant now) {
        return terminatedAt.isEmpty() && now.isBefore(terms.end());
    }

    /** Stops the campaign early (WeChat is told first). */
    public Either<Rejection, Campaign> terminate(Instant now) {
        if (!runningAt(now)) {
            return Either.left(Rejection.of(CAMPAIGN_NOT_RUNNING, "campaign " + id + " is not running (it "
                    + (terminatedAt.isDefined() ? "was terminated at " + terminatedAt.get() : "ended at "
                    + terms.end()) + ")"));
        }
        return Either.right(new Campaign(id, tenantId, cardId, terms, wechatId, protectedMembers, override,
                startedAt, Option.of(now)));
    }
}
