package io.wxcard.application.testing;

import io.wxcard.application.service.CardServices;
import io.wxcard.application.service.ImportSettings;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The whole application on in-memory stores and an in-memory WeChat, for the tests of the services and of the inbound
 * adapters (which then test their own layer against the real use cases, not against mocks).
 */
public final class InMemoryApplication {
    public final InMemoryStores stores = new InMemoryStores();
    public final InMemoryWechat wechat = new InMemoryWechat();
    public final ScriptedPushDecoder decoder = new ScriptedPushDecoder();
    public final TestClock clock = new TestClock(Fixtures.T0);
    public final CardServices app;

    /** Import senders for tests: daemon threads, as many as a test asks for at once, shared by every test. */
    public static final ExecutorService IMPORT_SENDERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "test-import-sender");
        thread.setDaemon(true);
        return thread;
    });

    public InMemoryApplication() {
        this(ImportSettings.defaults().withRatePerSecond(10_000));
    }

    public InMemoryApplication(ImportSettings importSettings) {
        this.app = new CardServices(new CardServices.Dependencies(stores.cards(), stores.memberships(), stores.ledger(),
                stores.tenants(), stores.outbox(), stores.processedPushes(), stores.transactions(), wechat, wechat,
                wechat, wechat, decoder, clock, new SequentialIds(), "test-instance", stores.imports(), importSettings,
                IMPORT_SENDERS));
    }
}
