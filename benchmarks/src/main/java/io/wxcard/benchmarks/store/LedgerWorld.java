package io.wxcard.benchmarks.store;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.adapter.persistence.DatabaseSettings;
import io.wxcard.adapter.persistence.Persistence;
import io.wxcard.application.port.in.DraftCardUseCase.DraftCardCommand;
import io.wxcard.application.port.in.ManageTenantsUseCase.AddTenantCommand;
import io.wxcard.application.port.in.RecordCardReceivedUseCase.CardReceived;
import io.wxcard.application.port.in.RecordReviewResultUseCase.ReviewResult;
import io.wxcard.application.service.CardServices;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.InMemoryWechat;
import io.wxcard.benchmarks.BenchApplication;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.PushMode;
import io.wxcard.domain.tenant.Secret;
import io.wxcard.domain.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The application as the service wires it, on PostgreSQL: {@code CardServices} over the {@link Persistence} stores,
 * with the in-memory WeChat double for the WeChat ports (WeChat is not on the write path: a ledger change only enqueues
 * an outbox task, and no dispatcher runs here). One tenant, one approved auto-activating card, and memberships
 * received through the use cases.
 */
final class LedgerWorld implements AutoCloseable {

    final Persistence persistence;
    final CardServices app;
    final List<MembershipKey> memberships;

    private LedgerWorld(Persistence persistence, CardServices app, List<MembershipKey> memberships) {
        this.persistence = persistence;
        this.app = app;
        this.memberships = memberships;
    }

    static LedgerWorld seed(String jdbcUrl, int poolSize, int memberships, int seedThreads) throws Exception {
        Persistence persistence = Persistence.start(new DatabaseSettings(jdbcUrl, null, null, poolSize));
        try {
            InMemoryWechat wechat = new InMemoryWechat();
            CardServices app = BenchApplication.over(persistence, wechat)
                    .eventSettings(io.wxcard.application.service.EventSettings.defaults())
                    .webhookSender(new io.wxcard.application.testing.RecordingWebhookSender())
                    .webhookSenders(Executors.newFixedThreadPool(2)).build();

            TenantId tenant = ok(app.manageTenants().add(new AddTenantCommand(Option.none(), "Bench Tea House",
                    new AppId("wxbench" + ProcessHandle.current().pid()), Secret.of("bench-app-secret"),
                    Secret.of("push-token"), Option.none(), PushMode.PLAIN, Option.none(), Option.none())))
                    .tenant().id();
            Card draft = ok(app.draftCard().draft(new DraftCardCommand(tenant, Fixtures.definition())));
            Card submitted = ok(app.submitCard().submit(tenant, draft.id()));
            WechatCardId wechatCardId = submitted.wechatCardId().get();
            ok(app.recordReviewResult().record(new ReviewResult(tenant, wechatCardId, true, Option.none())));

            ExecutorService pool = Executors.newFixedThreadPool(seedThreads);
            try {
                List<Future<MembershipKey>> received = new ArrayList<>();
                for (int i = 0; i < memberships; i++) {
                    OpenId openId = new OpenId("obenchmember" + i);
                    Code code = wechat.handOut(wechatCardId, openId);
                    received.add(pool.submit(() -> ok(app.recordCardReceived().recordReceived(new CardReceived(tenant,
                            wechatCardId, code, openId, Option.none(), false))).key()));
                }
                List<MembershipKey> keys = new ArrayList<>();
                for (Future<MembershipKey> key : received) {
                    keys.add(key.get());
                }
                return new LedgerWorld(persistence, app, List.copyOf(keys));
            } finally {
                pool.shutdownNow();
            }
        } catch (Exception | Error e) {
            persistence.close();
            throw e;
        }
    }

    static <T> T ok(Either<?, T> result) {
        if (result.isLeft()) {
            throw new IllegalStateException("seeding failed: " + result.getLeft());
        }
        return result.get();
    }

    @Override
    public void close() {
        persistence.close();
    }
}
