package io.wxcard.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.AcceptWechatPushUseCase;
import io.wxcard.application.port.in.DraftCardUseCase.DraftCardCommand;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.RecordCardReceivedUseCase.CardReceived;
import io.wxcard.application.port.in.RecordReviewResultUseCase.ReviewResult;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.InMemoryApplication;
import io.wxcard.application.testing.InMemoryStores;
import io.wxcard.application.testing.InMemoryWechat;
import io.wxcard.application.testing.ScriptedPushDecoder;
import io.wxcard.application.testing.TestClock;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.TenantId;

/** The application wired to in-memory stores and an in-memory WeChat, with shortcuts through the lifecycle. */
final class Harness {
    final InMemoryApplication whole = InMemoryApplication.applyingPushesOnRequest();
    final InMemoryStores stores = whole.stores;
    final InMemoryWechat wechat = whole.wechat;
    final ScriptedPushDecoder decoder = whole.decoder;
    final TestClock clock = whole.clock;
    final CardServices app = whole.app;
    final TenantId tenant = Fixtures.uniqueTenantId();

    Harness() {
        stores.tenants().save(Fixtures.tenant(tenant));
    }

    static <T> T ok(Either<Failure, T> result) {
        assertThat(result.isRight()).as("expected success, got %s", result).isTrue();
        return result.get();
    }

    Card draft(MemberCardDefinition definition) {
        return ok(app.draftCard().draft(new DraftCardCommand(tenant, definition)));
    }

    Card approved(MemberCardDefinition definition) {
        return approved(tenant, definition);
    }

    /** A card of another tenant (saved before), approved. */
    Card approved(TenantId owner, MemberCardDefinition definition) {
        Card drafted = ok(app.draftCard().draft(new DraftCardCommand(owner, definition)));
        Card submitted = ok(app.submitCard().submit(owner, drafted.id()));
        return ok(app.recordReviewResult().record(new ReviewResult(owner, submitted.wechatCardId().get(), true, Option.none())));
    }

    /** A member receives the card on WeChat, and WeChat tells us. */
    Membership received(Card card, String openId) {
        Code code = wechat.handOut(card.wechatCardId().get(), new OpenId(openId));
        return ok(app.recordCardReceived().recordReceived(new CardReceived(card.tenantId(), card.wechatCardId().get(),
                code, new OpenId(openId), Option.of("store_42"), false)));
    }

    MembershipKey key(CardId cardId, Code code) {
        return new MembershipKey(tenant, cardId, code);
    }

    /** Runs the outbox dispatcher until nothing is due now. */
    /** WeChat pushes: the answer, after which the instance's worker applies what the inbox kept. */
    AcceptWechatPushUseCase.PushOutcome pushed(io.wxcard.application.port.out.wechat.push.PushRequest request) {
        AcceptWechatPushUseCase.PushOutcome answer = app.acceptWechatPush().accept(tenant, request);
        whole.applyPushes();
        return answer;
    }

    void drainOutbox() {
        for (int round = 0; round < 100; round++) {
            if (app.dispatchOutbox().dispatchDue(50).claimed() == 0) {
                return;
            }
        }
        throw new AssertionError("the outbox did not drain");
    }
}
