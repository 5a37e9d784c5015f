package io.wxcard.adapter.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WechatSettingsTest {

    @Test
    void defaults_to_wechats_hosts_and_bounds_a_call_to_a_few_seconds() {
        WechatSettings settings = WechatSettings.defaults();

        assertThat(settings.apiBaseUrl()).isEqualTo("https://api.weixin.qq.com");
        assertThat(settings.payApiBaseUrl()).isEqualTo("https://api.mch.weixin.qq.com");
        assertThat(settings.callDeadline()).isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(settings.readTimeout()).isLessThanOrEqualTo(settings.callDeadline());
        assertThat(settings.useStableToken()).isFalse();
        assertThat(settings.pushReplayWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.maxPushBytes()).isEqualTo(64 * 1024);
        assertThat(settings.instanceId()).isNotBlank().isNotEqualTo(WechatSettings.defaults().instanceId());
    }

    @Test
    void changes_one_setting_at_a_time() {
        WechatSettings settings = WechatSettings.defaults().withBaseUrl("http://127.0.0.1:9000/")
                .withConnectTimeout(Duration.ofMillis(300)).withReadTimeout(Duration.ofSeconds(1))
                .withCallDeadline(Duration.ofSeconds(2)).withUseStableToken(true)
                .withPushReplayWindow(Duration.ofSeconds(30)).withMaxPushBytes(4096).withInstanceId("node-1");

        assertThat(settings).isEqualTo(new WechatSettings("http://127.0.0.1:9000", "http://127.0.0.1:9000",
                Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofSeconds(2), true, Duration.ofSeconds(30),
                4096, "node-1"));
        assertThat(settings.withPayApiBaseUrl("https://pay.example").apiBaseUrl()).isEqualTo("http://127.0.0.1:9000");
    }

    @Test
    void refuses_settings_that_cannot_work() {
        WechatSettings d = WechatSettings.defaults();
        assertThatThrownBy(() -> d.withApiBaseUrl("ftp://x")).hasMessageContaining("apiBaseUrl");
        assertThatThrownBy(() -> d.withApiBaseUrl("https://x/?a=1")).hasMessageContaining("without query");
        assertThatThrownBy(() -> d.withCallDeadline(Duration.ZERO)).hasMessageContaining("callDeadline");
        assertThatThrownBy(() -> d.withReadTimeout(Duration.ofSeconds(-1))).hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> d.withMaxPushBytes(10)).hasMessageContaining("maxPushBytes");
        assertThatThrownBy(() -> d.withInstanceId(" ")).hasMessageContaining("instanceId");
    }
}
