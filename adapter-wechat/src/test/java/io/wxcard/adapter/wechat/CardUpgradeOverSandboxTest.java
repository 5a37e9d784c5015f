package io.wxcard.adapter.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.out.wechat.ImportRequest;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.InMemoryStores;
import io.wxcard.application.port.out.Clock;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.OpenId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 3 as far as it goes: where WeChat requires an upgraded card, the adapter reports an import into a card
 * not yet upgraded as a refusal that names the upgrade (FORBIDDEN, WeChat's own message), so an import job sets the
 * row aside instead of retrying it.
 */
class CardUpgradeOverSandboxTest {

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

    @Test
    void an_import_into_a_card_not_upgraded_is_refused_with_wechats_reason_and_not_retried() {
        SandboxFixture.Account account = sandbox.newAccount();
        WechatCardId card = adapter.catalog().create(account.account(), Fixtures.definition()).get();
        new SandboxControl(sandbox).review(card, true);
        sandbox.control("POST", "/sandbox/apps/" + account.appId() + "/require-card-upgrade",
                sandbox.object().put("enabled", true));

        WechatError error = adapter.memberImport().importMember(sandbox.merchant(account), new ImportRequest(card,
                new OpenId("o" + SandboxFixture.shortId()), Option.none(), "up-" + SandboxFixture.shortId())).getLeft();

        assertThat(error.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(error.kind().worthRetryingLater()).isFalse();
        assertThat(error.message()).isEqualTo("请先升级会员卡才能使用此功能");
        assertThat(sandbox.calls("/v3/marketing/membercard-open/cards/" + card.value() + "/users/import",
                account.appId())).hasSize(1);
    }
}
