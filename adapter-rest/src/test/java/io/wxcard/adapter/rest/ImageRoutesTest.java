package io.wxcard.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.contract.wechat.WechatCardImagesContract;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImageRoutesTest {

    private static final String BOUNDARY = "wxcard-test-boundary";
    private static ApiHarness h;
    private Merchant m;

    @BeforeAll
    static void start() {
        h = new ApiHarness();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @BeforeEach
    void newTenant() {
        m = h.newMerchant();
    }

    static byte[] multipart(String field, String fileName, String contentType, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private Http.Answer upload(byte[] body) {
        return m.http.send("POST", "/v1/images", body, "multipart/form-data; boundary=" + BOUNDARY, Map.of());
    }

    private static List<String> fields(Http.Answer answer) {
        List<String> fields = new ArrayList<>();
        answer.json().path("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    @Test
    void uploads_a_picture_to_wechat_and_answers_its_url_and_a_card_using_it_is_drafted() {
        Http.Answer uploaded = upload(multipart("buffer", "logo.png", "image/png", WechatCardImagesContract.PNG));

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        String url = uploaded.json().get("url").asText();
        assertThat(url).startsWith("http://mmbiz.qpic.cn/mmbiz_png/");
        assertThat(uploaded.header("Location")).isEqualTo(url);
        assertThat(h.images.picture(url)).isEqualTo(WechatCardImagesContract.PNG);

        Http.Answer drafted = m.http.post("/v1/cards", Cards.minimal().replace("https://mmbiz.qpic.cn/logo.png", url));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
    }

    @Test
    void a_card_whose_logo_is_not_on_wechat_is_refused_naming_the_field_and_the_upload_route() {
        Http.Answer drafted = m.http.post("/v1/cards", Cards.minimal()
                .replace("https://mmbiz.qpic.cn/logo.png", "https://cdn.example.com/logo.png"));

        assertThat(drafted.status()).isEqualTo(422);
        assertThat(fields(drafted)).containsExactly("card.member_card.base_info.logo_url");
        assertThat(drafted.json().get("errors").get(0).get("message").asText()).contains("POST /v1/images", "40141");
    }

    @Test
    void refuses_what_wechat_would_not_take_before_calling_it() {
        Http.Answer gif = upload(multipart("buffer", "logo.gif", "image/gif", "GIF89a-not-a-card-picture".getBytes()));
        Http.Answer tooLarge = upload(multipart("buffer", "big.png", "image/png",
                java.util.Arrays.copyOf(WechatCardImagesContract.PNG, 1024 * 1024 + 1)));
        Http.Answer wrongField = upload(multipart("file", "logo.png", "image/png", WechatCardImagesContract.PNG));
        Http.Answer json = m.http.post("/v1/images", "{\"url\":\"https://example.com/a.png\"}");
        Http.Answer huge = upload(multipart("buffer", "huge.png", "image/png", new byte[3 * 1024 * 1024]));

        assertThat(gif.status()).isEqualTo(422);
        assertThat(gif.problemType()).isEqualTo("image-invalid");
        assertThat(fields(gif)).containsExactly("buffer");
        assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(422);
        assertThat(tooLarge.json().get("detail").asText()).contains("at most 1048576 bytes");
        assertThat(wrongField.status()).isEqualTo(422);
        assertThat(fields(wrongField)).containsExactly("buffer");
        assertThat(json.status()).isEqualTo(415);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.problemType()).isEqualTo("body-too-large");
    }

    @Test
    void needs_an_api_key_and_is_in_the_published_document() {
        assertThat(h.anonymous.send("POST", "/v1/images", multipart("buffer", "l.png", "image/png",
                WechatCardImagesContract.PNG), "multipart/form-data; boundary=" + BOUNDARY, Map.of()).status()).isEqualTo(401);
        assertThat(h.anonymous.get("/openapi.json").json().at("/paths/~1v1~1images/post/requestBody/content")
                .has("multipart/form-data")).isTrue();
    }
}
