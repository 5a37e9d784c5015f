package io.wxcard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxMainTest {
    private static final JsonNode PAY = TestVectors.load("wechatpay-v3.json");

    @Test
    void starts_with_the_app_and_keys_given_on_the_command_line(@TempDir Path dir) throws Exception {
        Path merchantKey = Files.writeString(dir.resolve("merchant.pem"), PAY.get("public_key_pem").asText());
        Path platformKey = Files.writeString(dir.resolve("platform.pem"), PAY.get("private_key_pem").asText());

        try (WechatSandbox sandbox = SandboxMain.start(new String[] {"--port", "0", "--app-id", "wxcli0000000001",
            "--app-secret", "cli-secret", "--token", "cli-token", "--mode", "plain", "--review-delay-ms", "-1",
            "--merchant-id", PAY.get("mchid").asText(), "--merchant-serial", PAY.get("serial_no").asText(),
            "--merchant-public-key", merchantKey.toString(), "--platform-private-key=" + platformKey})) {
            Http http = new Http(sandbox.baseUrl());

            assertThat(http.get("/cgi-bin/token?grant_type=client_credential&appid=wxcli0000000001"
                    + "&secret=cli-secret").errcode()).isZero();
            assertThat(http.get("/sandbox/apps").body()).contains(PAY.get("mchid").asText());
            // a loaded platform key gives the same public key and serial on every start
            assertThat(sandbox.platformPublicKeyPem()).isEqualTo(PAY.get("public_key_pem").asText());
            assertThat(sandbox.platformSerial()).matches("[0-9A-F]{40}");
        }
    }

    @Test
    void keeps_its_state_in_the_file_given_and_takes_verify_callback_as_a_flag(@TempDir Path dir) {
        Path state = dir.resolve("state.json");
        assertThat(SandboxMain.parse(new String[] {"--verify-callback", "--port", "0"}))
                .containsEntry("--verify-callback", "true").containsEntry("--port", "0");
        assertThat(SandboxMain.parse(new String[] {"--verify-callback=false"}))
                .containsEntry("--verify-callback", "false");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--verify-callback=maybe"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--verify-callback");

        try (WechatSandbox sandbox = SandboxMain.start(new String[] {"--port", "0", "--app-id", "wxcli0000000002",
            "--app-secret", "cli-secret", "--verify-callback", "--state-file", state.toString()})) {
            assertThat(sandbox.callbackCheck("wxcli0000000002")).as("no callback URL, nothing to verify").isEmpty();
        }
        assertThat(state).exists();

        // started again on the same file, without --app-id: the account is still there
        try (WechatSandbox sandbox = SandboxMain.start(new String[] {"--port", "0", "--state-file",
            state.toString()})) {
            assertThat(new Http(sandbox.baseUrl()).get("/cgi-bin/token?grant_type=client_credential"
                    + "&appid=wxcli0000000002&secret=cli-secret").errcode()).isZero();
        }
    }

    @Test
    void refuses_unknown_options_and_missing_values() {
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--colour", "red"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--colour");
        assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--port"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> SandboxMain.start(new String[] {"--port", "nine"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--port");
        assertThatThrownBy(() -> SandboxMain.start(new String[] {"--port", "0", "--app-id", "wx1"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("appSecret");
    }

    @Test
    void app_and_settings_never_print_their_secrets() {
        SandboxApp app = SandboxApp.safe("wxprint", "top-secret", "the-token",
                TestVectors.load("wechat-msg-crypto.json").get("encoding_aes_key").asText(), null);
        SandboxSettings settings = SandboxSettings.defaults().withPlatformPrivateKeyPem("-----BEGIN PRIVATE KEY-----");

        assertThat(app.toString()).contains("wxprint").doesNotContain("top-secret").doesNotContain("the-token")
                .doesNotContain(app.encodingAesKey());
        assertThat(settings.toString()).doesNotContain("BEGIN PRIVATE KEY");
        assertThat(SandboxSettings.defaults().withStateFile(Path.of("x.json")).withVerifyCallbacks(true).toString())
                .contains("stateFile=x.json", "verifyCallbacks=true");
        assertThat(SandboxSettings.defaults().stateFile()).isNull();
        assertThat(SandboxSettings.defaults().verifyCallbacks()).isFalse();
    }

    @Test
    void settings_and_apps_refuse_impossible_values() {
        assertThatThrownBy(() -> SandboxSettings.defaults().withPort(70_000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxSettings.defaults().withTokenLifetime(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SandboxApp("wx1", "s", "t", "short", null, "safe", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SandboxApp("wx1", "s", "t", null, null, "loud", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SandboxSettings.defaults().autoReview()).isTrue();
        assertThat(SandboxSettings.defaults().withoutAutoReview().autoReview()).isFalse();
        assertThat(SandboxSettings.defaults().withReviewDelay(java.time.Duration.ofMillis(-1)).autoReview())
                .isFalse();
    }
}
