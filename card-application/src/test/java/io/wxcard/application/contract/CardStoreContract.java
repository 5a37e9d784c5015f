package io.wxcard.application.contract;

import static io.wxcard.application.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.CardStore;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.StoreSet;
import io.wxcard.domain.card.BrandId;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.CardState;
import io.wxcard.domain.card.PayUpgrade;
import io.wxcard.domain.card.TestWhitelist;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link CardStore} must do. Subclasses give a fresh {@link StoreSet}. */
public abstract class CardStoreContract {

    protected abstract StoreSet stores();

    private CardStore cards;
    private final TenantId tenant = Fixtures.uniqueTenantId();

    @BeforeEach
    void setUpStore() {
        cards = stores().cards();
    }

    @Test
    void saves_a_new_card_at_version_1_and_finds_it() {
        Card saved = cards.save(Fixtures.draftCard(tenant, new CardId("c1")));

        assertThat(saved.version()).isEqualTo(1);
        assertThat(cards.find(tenant, new CardId("c1"))).contains(saved);
    }

    @Test
    void keeps_every_field_of_a_card_exactly() {
        Card draft = Card.draft(new CardId("c-full"), tenant, Fixtures.fullDefinition(), T0).get().card();
        Card submitted = draft.submitted(new WechatCardId("pFull123"), T0.plusSeconds(1)).get().card();
        Card rejected = submitted.reviewRejected("logo unclear: 商标不清晰", T0.plusSeconds(2)).get().card();
        Card withWhitelist = rejected.testWhitelistSet(new TestWhitelist(List.of("oA", "oB"), List.of("tester")),
                T0.plusSeconds(3)).get().card();
        Card withForm = Card.reconstitute(withWhitelist.snapshot()).activationFormConfigured(Fixtures.activationForm(),
                T0.plusSeconds(4)).get().card();

        Card saved = cards.save(withForm);

        Card found = cards.find(tenant, new CardId("c-full")).get();
        assertThat(found.snapshot()).isEqualTo(saved.snapshot());
        assertThat(found.definition()).isEqualTo(Fixtures.fullDefinition());
        assertThat(found.refusalReason()).contains("logo unclear: 商标不清晰");
        assertThat(found.activationForm()).contains(Fixtures.activationForm());
        assertThat(found.testWhitelist().openids()).containsExactly("oA", "oB");
    }

    @Test
    void keeps_a_cards_wechat_pay_upgrade_and_its_brand() {
        Card saved = cards.save(Fixtures.draftCard(tenant, new CardId("c-pay")));
        Card submitted = cards.save(saved.submitted(new WechatCardId("pPay123"), T0.plusSeconds(1)).get().card());
        assertThat(cards.find(tenant, new CardId("c-pay")).get().upgradedForWechatPay()).isFalse();

        Card upgraded = cards.save(submitted.upgradedForWechatPay(new BrandId("brand_1004"), T0.plusSeconds(2))
                .get().card());

        Card found = cards.find(tenant, new CardId("c-pay")).get();
        assertThat(found.snapshot()).isEqualTo(upgraded.snapshot());
        assertThat(found.upgradedForWechatPay()).isTrue();
        assertThat(found.payUpgrade()).contains(new PayUpgrade(new BrandId("brand_1004"), T0.plusSeconds(2)));
    }

    @Test
    void updates_a_card_whose_version_matches_and_counts_the_version_up() {
        Card saved = cards.save(Fixtures.draftCard(tenant, new CardId("c1")));
        Card submitted = saved.submitted(new WechatCardId("pAbc"), T0.plusSeconds(5)).get().card();

        Card updated = cards.save(submitted);

        assertThat(updated.version()).isEqualTo(2);
        assertThat(cards.find(tenant, new CardId("c1")).get().state()).isEqualTo(CardState.UNDER_REVIEW);
    }

    @Test
    void refuses_a_stale_version_and_keeps_the_newer_card() {
        Card saved = cards.save(Fixtures.draftCard(tenant, new CardId("c1")));
        cards.save(saved.submitted(new WechatCardId("pAbc"), T0.plusSeconds(5)).get().card());

        Card staleEdit = saved.edit(Fixtures.definition("Silver", true, false, Option.none()), T0.plusSeconds(6)).get().card();

        assertThatThrownBy(() -> cards.save(staleEdit)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(cards.find(tenant, new CardId("c1")).get().state()).isEqualTo(CardState.UNDER_REVIEW);
    }

    @Test
    void refuses_to_insert_the_same_card_twice() {
        cards.save(Fixtures.draftCard(tenant, new CardId("c1")));

        assertThatThrownBy(() -> cards.save(Fixtures.draftCard(tenant, new CardId("c1"))))
                .isInstanceOf(ConcurrentUpdateException.class);
    }

    @Test
    void finds_a_card_by_its_wechat_card_id_within_the_tenant_only() {
        Card saved = cards.save(Fixtures.draftCard(tenant, new CardId("c1")));
        cards.save(saved.submitted(new WechatCardId("pWechat1"), T0).get().card());

        assertThat(cards.findByWechatCardId(tenant, new WechatCardId("pWechat1")).map(Card::id)).contains(new CardId("c1"));
        assertThat(cards.findByWechatCardId(Fixtures.uniqueTenantId(), new WechatCardId("pWechat1"))).isEmpty();
        assertThat(cards.findByWechatCardId(tenant, new WechatCardId("pOther"))).isEmpty();
    }

    @Test
    void does_not_show_a_card_to_another_tenant() {
        cards.save(Fixtures.draftCard(tenant, new CardId("c1")));

        TenantId other = Fixtures.uniqueTenantId();
        assertThat(cards.find(other, new CardId("c1"))).isEmpty();
        assertThat(cards.list(other, Option.none(), PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void lists_a_tenants_cards_by_state_a_page_at_a_time() {
        for (int i = 1; i <= 5; i++) {
            Card draft = Card.draft(new CardId("c" + i), tenant, Fixtures.definition(), T0.plusSeconds(i)).get().card();
            Card saved = cards.save(draft);
            if (i % 2 == 0) {
                cards.save(saved.submitted(new WechatCardId("p" + i), T0.plusSeconds(10 + i)).get().card());
            }
        }

        var drafts = cards.list(tenant, Option.of(CardState.DRAFT), new PageRequest(1, 1));
        var all = cards.list(tenant, Option.none(), PageRequest.first(10));

        assertThat(drafts.total()).isEqualTo(3);
        assertThat(drafts.items()).extracting(card -> card.id().value()).containsExactly("c3");
        assertThat(all.items()).extracting(card -> card.id().value()).containsExactly("c1", "c2", "c3", "c4", "c5");
    }
}
