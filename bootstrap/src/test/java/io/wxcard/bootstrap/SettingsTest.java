package io.wxcard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void defaults_run_on_h2_in_the_data_dir_with_the_sandbox_on() {
        Settings settings = Settings.load(Map.of("CARD_DATA_DIR", dir.toString()));

        assertThat(settings.httpPort()).isEqualTo(8080);
        assertThat(settings.dbUrl()).isEqualTo("jdbc:h2:file:" + dir.toAbsolutePath().normalize().resolve("wxcard"));
        assertThat(settings.dbUser()).isEqualTo("sa");
        assertThat(settings.sandbox()).isTrue();
        assertThat(settings.wechatApiBase()).isEqualTo("https://api.weixin.qq.com");
        assertThat(settings.wechatPayApiBase()).isEqualTo("https://api.mch.weixin.qq.com");
        assertThat(settings.publicUrl()).isEqualTo("http://127.0.0.1:8080");
    }

    @Test
    void names_every_wrong_setting_at_once() {
        assertThatThrownBy(() -> Settings.load(Map.of("CARD_HTTP_PORT", "99999", "CARD_SANDBOX", "maybe",
                "CARD_DB_URL", "jdbc:oracle:thin:@x", "CARD_DEMO_API_KEY", "short", "CARD_HTTPPORT", "1")))
                .hasMessageContaining("CARD_HTTP_PORT must be between 0 and 65535")
                .hasMessageContaining("CARD_SANDBOX must be on or off")
                .hasMessageContaining("CARD_DB_URL must be an H2, PostgreSQL, MariaDB or MySQL JDBC URL")
                .hasMessageContaining("CARD_DEMO_API_KEY must have at least 24 characters")
                .hasMessageContaining("CARD_HTTPPORT is not a setting");
    }

    @Test
    void reads_a_config_file_and_lets_the_environment_win() throws Exception {
        Path file = dir.resolve("wxcard.properties");
        Files.writeString(file, "CARD_HTTP_PORT=9001\nCARD_SANDBOX=off\nCARD_DB_URL=jdbc:postgresql://db/cards\n");

        Settings settings = Settings.load(Map.of("CARD_CONFIG_FILE", file.toString(), "CARD_HTTP_PORT", "9002"));

        assertThat(settings.httpPort()).isEqualTo(9002);
        assertThat(settings.sandbox()).isFalse();
        assertThat(settings.dbUser()).isEmpty();
    }

    @Test
    void never_shows_the_database_password() {
        Settings settings = Settings.load(Map.of("CARD_DB_URL", "jdbc:postgresql://db/cards?user=u&password=hunter2",
                "CARD_DB_PASSWORD", "s3cret"));

        assertThat(settings.describe()).doesNotContain("hunter2").doesNotContain("s3cret");
        assertThat(settings.toString()).doesNotContain("s3cret");
    }

    @Test
    void the_readme_lists_every_setting() throws Exception {
        Path readme = Files.exists(Path.of("../README.md")) ? Path.of("../README.md") : Path.of("README.md");
        String text = Files.readString(readme);

        for (Settings.Entry entry : Settings.ENTRIES) {
            assertThat(text).as("README lists %s", entry.name()).contains("`" + entry.name() + "`");
        }
    }
}
