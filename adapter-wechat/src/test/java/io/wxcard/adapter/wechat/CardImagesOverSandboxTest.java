package io.wxcard.adapter.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.contract.wechat.WechatCardImagesContract;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.InMemoryStores;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import io.wxcard.domain.card.image.CardImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The picture upload over real HTTP (multipart, field {@code buffer}) and WeChat's 40141 for other hosts. */
class CardImagesOverSandboxTest {

    private static SandboxFixture sandbox;
    private static WechatAdapter adapter;
    private final SandboxFixture.Account account = sandbox.newAccount();

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
    void uploads_the_picture_as_multipart_and_wechat_serves_the_same_bytes_at_the_url_it_answered() throws Exception {
        String url = adapter.images().upload(account.account(), CardImage.of(WechatCardImagesContract.PNG).get()).get();

        assertThat(url).startsWith("http://mmbiz.qpic.cn/mmbiz_png/");
        HttpResponse<byte[]> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(sandbox.baseUrl() + URI.create(url).getRawPath())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(served.body()).isEqualTo(WechatCardImagesContract.PNG);
        assertThat(sandbox.calls("/cgi-bin/media/uploadimg", account.appId())).hasSize(1);
    }

    @Test
    void a_card_whose_background_is_on_another_host_is_refused_by_wechat_as_a_client_error() {
        MemberCardDefinition d = Fixtures.definition();
        MemberCardDefinition foreign = new MemberCardDefinition(d.baseInfo(), Option.of("https://cdn.example.com/bg.png"),
                d.prerogative(), d.autoActivate(), d.wxActivate(), d.activateUrl(), d.supplyBonus(), d.bonusUrl(),
                d.supplyBalance(), d.balanceUrl(), d.customFields(), d.customCell1(), d.bonusRule(), d.discount(),
                d.bonusCleared(), d.bonusRules(), d.balanceRules());

        WechatError refused = adapter.catalog().create(account.account(), foreign).getLeft();

        assertThat(refused.kind()).isEqualTo(Kind.CLIENT_ERROR);
        assertThat(refused.code()).isEqualTo("40141");
        assertThat(sandbox.calls("/card/create", account.appId())).hasSize(1); // not repeated
    }
}
