package io.wxcard.adapter.rest;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import io.wxcard.application.port.in.FindMembersQuery.FoundMember;
import io.wxcard.application.port.out.events.EventType;
import io.wxcard.application.port.out.events.MerchantEvent;
import io.wxcard.application.port.out.events.Webhook;
import io.wxcard.application.port.out.events.WebhookDelivery;
import io.wxcard.domain.member.MemberProfile;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.Phone;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the API shows of members found by look-up, their profiles, the change feed and webhooks. */
final class MemberResources {

    private MemberResources() {}

    @Schema(description = "One membership that matched a look-up, with its card, state and totals. The phone is masked "
            + "(138****5678); read the profile for the member in full.")
    record FoundMemberResource(
            String cardId,
            @Schema(description = "The card's title.") String cardTitle,
            String code,
            String openid,
            @Schema(description = "ISSUED, ACTIVATED, INVALIDATED or DELETED (by the member).") String state,
            String membershipNumber,
            long points,
            @Schema(description = "In fen.") long balance,
            @Schema(description = "Masked: the first three and last four digits.") String phone,
            String nickname) {}

    @Schema(description = "What WeChat told of the member behind one membership: personal data, answered only to a "
            + "caller who asked for this member.")
    record ProfileResource(
            String cardId,
            String code,
            String openid,
            String unionid,
            String nickname,
            @Schema(description = "As the member gave it.") String phone,
            @Schema(description = "The form of the number look-ups compare (a mainland mobile as its 11 digits).")
            String phoneNormalised,
            String sex,
            @Schema(description = "WeChat's common fields by id (USER_FORM_INFO_FLAG_...) and the card's custom fields "
                    + "by name.") Map<String, String> fields,
            String updatedAt) {}

    @Schema(description = "One event of the change feed, at its position.")
    record FeedItemResource(
            @Schema(description = "Resume after this position.") long position,
            @Schema(description = "The event, byte for byte as webhooks post it (see docs/webhooks.md).")
            @JsonRawValue String event) {}

    @Schema(description = "A page of the change feed.")
    record FeedResource(List<FeedItemResource> events,
                        @Schema(description = "Pass as after= to read on; the same position when nothing was new.")
                        long next) {}

    @Schema(description = "Makes a webhook: where the tenant's events are posted, signed.")
    record CreateWebhookRequest(
            @Schema(description = "https (http only to loopback while the sandbox is on); never link-local or cloud "
                    + "metadata addresses.", requiredMode = REQUIRED) String url,
            @Schema(description = "The event types wanted; all when absent or empty.") Set<String> eventTypes) {}

    @Schema(description = "A webhook. The secret is shown once, in the answer that made it.")
    record WebhookResource(String id, String url, List<String> eventTypes,
                           @Schema(description = "The HMAC key of Wxcard-Signature; only when just made.") String secret,
                           String createdAt) {}

    @Schema(description = "A delivery given up on after the whole retry span.")
    record DeadDeliveryResource(String webhookId, String eventId, String eventType, long position, int attempts,
                                String lastError, String owedAt) {}

    static FoundMemberResource found(FoundMember found) {
        Membership m = found.membership();
        return new FoundMemberResource(m.cardId().value(), found.card().definition().baseInfo().title(),
                m.code().value(), m.openId().value(), m.state().name(),
                m.membershipNumber().map(MembershipNumber::value).getOrNull(), m.totals().points().value(),
                m.totals().balance().value(), found.profile().flatMap(MemberProfile::phone).map(Phone::masked)
                        .getOrNull(), found.profile().flatMap(MemberProfile::nickname).getOrNull());
    }

    static ProfileResource profile(MemberProfile p) {
        return new ProfileResource(p.membership().cardId().value(), p.membership().code().value(), p.openId().value(),
                p.unionId().getOrNull(), p.nickname().getOrNull(), p.phone().map(Phone::value).getOrNull(),
                p.phone().map(Phone::normalised).getOrNull(), p.sex().getOrNull(), p.fields(),
                p.updatedAt().toString());
    }

    static FeedItemResource feedItem(MerchantEvent event) {
        return new FeedItemResource(event.position(), event.json());
    }

    static WebhookResource webhook(Webhook webhook, boolean withSecret) {
        return new WebhookResource(webhook.id(), webhook.url().toString(),
                webhook.types().stream().map(EventType::wireName).sorted().toList(),
                withSecret ? webhook.secret() : null, webhook.createdAt().toString());
    }

    static DeadDeliveryResource dead(WebhookDelivery delivery) {
        return new DeadDeliveryResource(delivery.webhook().id(), delivery.event().id(),
                delivery.event().type().wireName(), delivery.event().position(), delivery.attempts(),
                delivery.lastError().getOrNull(), delivery.owedAt().toString());
    }
}
