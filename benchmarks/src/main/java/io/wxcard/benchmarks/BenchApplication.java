package io.wxcard.benchmarks;

import io.wxcard.adapter.persistence.Persistence;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.application.service.CardServices;
import io.wxcard.application.service.CardServicesBuilder;
import io.wxcard.application.service.ImportSettings;
import io.wxcard.application.testing.InMemoryWechat;
import io.wxcard.application.testing.InMemoryWechatImages;
import io.wxcard.application.testing.ScriptedPushDecoder;
import java.util.concurrent.Executors;

/**
 * The application in the benchmark's own process, on the real stores and an in-memory WeChat (what is measured is
 * the application and its database, not WeChat). The caller adds the events' settings, sender and threads.
 */
public final class BenchApplication {

    private BenchApplication() {}

    public static CardServicesBuilder over(Persistence persistence, InMemoryWechat wechat) {
        ImportSettings imports = ImportSettings.defaults();
        return CardServices.builder().with(persistence::storesOf).wechatCatalog(wechat).wechatDistribution(wechat)
                .wechatMembers(wechat).wechatImport(wechat).wechatImages(new InMemoryWechatImages())
                .pushDecoder(new ScriptedPushDecoder()).clock(Clock.system()).ids(IdGenerator.random())
                .instanceName("bench-" + ProcessHandle.current().pid()).importSettings(imports)
                .importSenders(Executors.newFixedThreadPool(imports.concurrency()));
    }
}
