package io.wxcard.application.wechat;

import io.wxcard.application.contract.wechat.WechatCardCatalogContract;
import io.wxcard.application.contract.wechat.WechatCardDistributionContract;
import io.wxcard.application.contract.wechat.WechatCardImagesContract;
import io.wxcard.application.contract.wechat.WechatCodeUseContract;
import io.wxcard.application.contract.wechat.WechatContractSubject;
import io.wxcard.application.port.out.wechat.WechatCardImages;
import io.wxcard.application.testing.InMemoryWechatImages;
import io.wxcard.application.contract.wechat.WechatMemberCardsContract;
import io.wxcard.application.contract.wechat.WechatMemberImportContract;
import io.wxcard.application.contract.wechat.WechatTestControl;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.port.out.wechat.WechatPayCardUpgrade;
import io.wxcard.application.testing.InMemoryWechat;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/** The WeChat port contracts, run against the in-memory double the services' tests use. */
class InMemoryWechatContractTest {

    /** The double's own helpers play WeChat's reviewers and members. */
    record InMemoryControl(InMemoryWechat wechat) implements WechatTestControl {
        @Override
        public void review(WechatCardId cardId, boolean pass) {
            wechat.review(cardId, pass);
        }

        @Override
        public Code handOut(WechatCardId cardId, OpenId openId) {
            return wechat.handOut(cardId, openId);
        }

        @Override
        public void submitForm(WechatCardId cardId, Code code, Map<String, String> answers) {
            wechat.submitForm(cardId, code, answers);
        }

        @Override
        public String encryptCodeOf(WechatCardId cardId, Code code) {
            return "enc:" + code.value(); // what the double's decryptCode understands
        }
    }

    /** A new double per test, so every test has the account to itself. */
    private static WechatContractSubject fresh() {
        return fresh(new InMemoryWechat());
    }

    private static WechatContractSubject fresh(InMemoryWechat wechat) {
        var tenant = Fixtures.tenantWithEverything(Fixtures.uniqueTenantId());
        return new WechatContractSubject(wechat, wechat, wechat, wechat, WechatAccount.of(tenant),
                tenant.merchant().get(), new InMemoryControl(wechat));
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
        private final InMemoryWechat wechat = new InMemoryWechat();
        private final WechatContractSubject subject = fresh(wechat);

        Import() {
            wechat.requireCardUpgrade(true); // as WeChat Pay does
        }

        @Override
        protected WechatContractSubject subject() {
            return subject;
        }

        @Override
        protected WechatPayCardUpgrade payUpgrade() {
            return wechat;
        }
    }

    @Nested
    class Images extends WechatCardImagesContract {
        private final WechatContractSubject subject = fresh();
        private final InMemoryWechatImages images = new InMemoryWechatImages();

        @Override
        protected WechatContractSubject subject() {
            return subject;
        }

        @Override
        protected WechatCardImages images() {
            return images;
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
        private final InMemoryWechat wechat = new InMemoryWechat();
        private final WechatContractSubject subject = fresh(wechat);
        private final io.wxcard.application.testing.InMemoryWechatCampaigns campaigns =
                new io.wxcard.application.testing.InMemoryWechatCampaigns();

        @Override
        protected WechatContractSubject subject() {
            return subject;
        }

        @Override
        protected WechatPayCardUpgrade payUpgrade() {
            return wechat;
        }

        @Override
        protected io.wxcard.application.port.out.wechat.WechatCampaigns campaigns() {
            return campaigns;
        }
    }
}
