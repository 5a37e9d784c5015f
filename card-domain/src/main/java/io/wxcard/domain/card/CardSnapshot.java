package io.wxcard.domain.card;

import io.vavr.control.Option;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;

/**
 * Every field of a {@link Card}, for storage. {@link Card#reconstitute(CardSnapshot)} turns it back into a card
 * without re-checking creation rules: what was stored was valid when it was stored. Stores rebuild it with the
 * canonical constructor; the domain makes a new one with {@link #drafted} and changes one through {@link #toBuilder()}
 *, so that a new field is added in this file only.
 *
 * @param payUpgrade whether (and under which brand) the card was upgraded for WeChat Pay's member functions
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
        Option<PayUpgrade> payUpgrade,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    /** A new draft's fields: nothing on WeChat yet, never saved. */
    public static CardSnapshot drafted(CardId id, TenantId tenantId, MemberCardDefinition definition, Instant now) {
        return new CardSnapshot(id, tenantId, definition, CardState.DRAFT, Option.none(), Option.none(), Option.none(),
                Option.none(), TestWhitelist.empty(), Option.none(), 0, now, now);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A copy of a snapshot with some fields changed; the fields not set keep their values. */
    public static final class Builder {
        private final CardId id;
        private final TenantId tenantId;
        private final Instant createdAt;
        private MemberCardDefinition definition;
        private CardState state;
        private Option<WechatCardId> wechatCardId;
        private Option<String> refusalReason;
        private Option<Instant> firstIssuedAt;
        private Option<ActivationForm> activationForm;
        private TestWhitelist testWhitelist;
        private Option<PayUpgrade> payUpgrade;
        private long version;
        private Instant updatedAt;

        private Builder(CardSnapshot s) {
            id = s.id;
            tenantId = s.tenantId;
            createdAt = s.createdAt;
            definition = s.definition;
            state = s.state;
            wechatCardId = s.wechatCardId;
            refusalReason = s.refusalReason;
            firstIssuedAt = s.firstIssuedAt;
            activationForm = s.activationForm;
            testWhitelist = s.testWhitelist;
            payUpgrade = s.payUpgrade;
            version = s.version;
            updatedAt = s.updatedAt;
        }

        public Builder definition(MemberCardDefinition value) {
            definition = value;
            return this;
        }

        public Builder state(CardState value) {
            state = value;
            return this;
        }

        public Builder wechatCardId(Option<WechatCardId> value) {
            wechatCardId = value;
            return this;
        }

        public Builder refusalReason(Option<String> value) {
            refusalReason = value;
            return this;
        }

        public Builder firstIssuedAt(Option<Instant> value) {
            firstIssuedAt = value;
            return this;
        }

        public Builder activationForm(Option<ActivationForm> value) {
            activationForm = value;
            return this;
        }

        public Builder testWhitelist(TestWhitelist value) {
            testWhitelist = value;
            return this;
        }

        public Builder payUpgrade(Option<PayUpgrade> value) {
            payUpgrade = value;
            return this;
        }

        public Builder version(long value) {
            version = value;
            return this;
        }

        public Builder updatedAt(Instant value) {
            updatedAt = value;
            return this;
        }

        public CardSnapshot build() {
            return new CardSnapshot(id, tenantId, definition, state, wechatCardId, refusalReason, firstIssuedAt,
                    activationForm, testWhitelist, payUpgrade, version, createdAt, updatedAt);
        }
    }
}
