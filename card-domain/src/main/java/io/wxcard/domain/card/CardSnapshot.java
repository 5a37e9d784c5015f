package io.wxcard.domain.card;

import io.vavr.control.Option;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;

/**
 * Every field of a {@link Card}, for storage. {@link Card#reconstitute(CardSnapshot)} turns it back into a card
 * without re-checking creation rules: what was stored was valid when it was stored.
 *
 * @param version the version the store last saved; stores use it to refuse lost updates
 */
public record CardSnapshot(
        CardId id,
        TenantId tenantId,
        MemberCardDefinition definition,
        CardState state,
        Option<WechatCardId> wechatCardId,
        Option<String> refusalReason,
        Option<Instant> firstIssuedAt,
        Option<ActivationForm> activationForm,
        TestWhitelist testWhitelist,
        long version,
        Instant createdAt,
        Instant updatedAt) {}
