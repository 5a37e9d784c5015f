package io.wxcard.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.in.RecordCardReceivedUseCase.CardReceived;
import io.wxcard.application.port.in.RecordReviewResultUseCase.ReviewResult;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.TenantId;

/** One tenant of a test, with its API key and client, and shortcuts through the lifecycles. */
final class Merchant {

    final ApiHarness h;
    final TenantId tenant;
    final String key;
    final Http http;

    Merchant(ApiHarness h, TenantId tenant, String key, Http http) {
        this.h = h;
        this.tenant = tenant;
        this.key = key;
        this.http = http;
    }

    /** Gives the tenant WeChat Pay merchant credentials, which importing members needs; answers this merchant. */
    Merchant withPayCredentials() {
        h.app.manageTenants().replaceMerchant(tenant, Fixtures.tenantWithEverything(tenant).merchant().get()).get();
        return this;
    }

    /** Drafts a card through the API and answers its id. */
    String draft(String cardDocument) {
        Http.Answer answer = http.post("/v1/cards", cardDocument);
        assertThat(answer.status()).as("draft: %s", answer).isEqualTo(201);
        return answer.json().get("id").asText();
    }

    String submitted(String cardDocument) {
        String id = draft(cardDocument);
        Http.Answer answer = http.post("/v1/cards/" + id + "/submit", null);
        assertThat(answer.status()).as("submit: %s", answer).isEqualTo(200);
        return id;
    }

    /** Drafted and submitted through the API, then approved by WeChat (a push; here the use case directly). */
    String approved(String cardDocument) {
        String id = submitted(cardDocument);
        h.app.recordReviewResult().record(new ReviewResult(tenant, wechatCardId(id), true, Option.none())).get();
        return id;
    }

    String rejected(String cardDocument, String reason) {
        String id = submitted(cardDocument);
        h.app.recordReviewResult().record(new ReviewResult(tenant, wechatCardId(id), false, Option.of(reason))).get();
        return id;
    }

    WechatCardId wechatCardId(String cardId) {
        return card(cardId).wechatCardId().get();
    }

    Card card(String cardId) {
        return h.stores.cards().find(tenant, new CardId(cardId)).get();
    }

    /** A member receives the card on WeChat, and WeChat tells us; answers the code. */
    String received(String cardId, String openId) {
        return received(cardId, openId, "store_42");
    }

    /** The same through a code whose outer_str is given (a store's: store-<id>). */
    String received(String cardId, String openId, String outerStr) {
        Code code = h.wechat.handOut(wechatCardId(cardId), new OpenId(openId));
        h.app.recordCardReceived().recordReceived(new CardReceived(tenant, wechatCardId(cardId), code,
                new OpenId(openId), Option.of(outerStr), false)).get();
        return code.value();
    }

    /** An approved card of this activation mode, with one member holding it: answers {card id, code}. */
    String[] member(String cardDocument) {
        String cardId = approved(cardDocument);
        return new String[] {cardId, received(cardId, "o_member_" + cardId)};
    }

    Membership membership(String cardId, String code) {
        return h.stores.memberships().find(key(cardId, code)).get();
    }

    MembershipKey key(String cardId, String code) {
        return new MembershipKey(tenant, new CardId(cardId), new Code(code));
    }
}
