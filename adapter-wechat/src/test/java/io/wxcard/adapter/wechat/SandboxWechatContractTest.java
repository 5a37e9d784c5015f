package io.wxcard.adapter.wechat;

import io.wxcard.application.contract.wechat.WechatCardCatalogContract;
import io.wxcard.application.contract.wechat.WechatCardDistributionContract;
import io.wxcard.application.contract.wechat.WechatCardImagesContract;
import io.wxcard.application.contract.wechat.WechatCodeUseContract;
import io.wxcard.application.contract.wechat.WechatContractSubject;
import io.wxcard.application.contract.wechat.WechatMemberCardsContract;
import io.wxcard.application.contract.wechat.WechatMemberImportContract;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.wechat.WechatCardImages;
import io.wxcard.application.testing.InMemoryStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * The WeChat port contracts, run against the real adapter over HTTP against the sandbox: the same tests the in-memory
 * double passes. Each test gets an account (and merchant) of its own.
 */
class SandboxWechatContractTest {

    private static SandboxFixture sandbox;
    private static WechatAdapter adapter;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start();
        adapter = WechatAdapter.create(sandbox.settings(), new InMemoryStores().tokens(), Clock.system());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static WechatContractSubject fresh() {
        SandboxFixture.Account account = sandbox.newAccount();
        return new WechatContractSubject(adapter.catalog(), adapter.distribution(), adapter.members(),
                adapter.memberImport(), account.account(), sandbox.merchant(account), new SandboxControl(sandbox));
    }

    @Nested
    class Catalog extends WechatCardCatalogContract {
        private final WechatContractSubject subject = fresh();

        @Override
        protected WechatContractSubject subject() {
            return subject;
        }
    }

    @Nested
    class Distribution extends WechatCardDistributionContract {
        private final WechatContractSubject subject = fresh();

        @Override
        protected WechatContractSubject subject() {
            return subject;
        }
    }

    @Nested
    class Members extends WechatMemberCardsContract {
        private final WechatContractSubject subject = fresh();

        @Override
        protected WechatContractSubject subject() {
            return subject;
        }
    }

    @Nested
    class Import extends WechatMemberImportContract {
        private final WechatContractSubject subject = fresh();

        @Override
        protected io.wxcard.application.port.out.wechat.WechatPayCardUpgrade payUpgrade() {
            return adapter.payCardUpgrade();
        }

        @Override
        protected WechatContractSubject subject() {
            return subject;
        }
    }

    @Nested
    class Images extends WechatCardImagesContract {
        private final WechatContractSubject subject = fresh();

        @Override
        protected WechatContractSubject subject() {
            return subject;
        }

        @Override
        protected WechatCardImages images() {
            return adapter.images();
        }
    }

    @Nested
    class CodeUse extends WechatCodeUseContract {
        private final WechatContractSubject subject = fresh();

        @Override
        protected WechatContractSubject subject() {
            return subject;
        }
    }

    @Nested
    class Campaigns extends io.wxcard.application.contract.wechat.WechatCampaignsContract {
        private final WechatContractSubject subject = fresh();

        @Override
        protected WechatContractSubject subject() {
            return subject;
        }

        @Override
        protected io.wxcard.application.port.out.wechat.WechatPayCardUpgrade payUpgrade() {
            return adapter.payCardUpgrade();
        }

        @Override
        protected io.wxcard.application.port.out.wechat.WechatCampaigns campaigns() {
            return adapter.campaigns();
        }
    }
}
