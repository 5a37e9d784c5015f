package io.wxcard.examples.teahouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vavr.control.Option;
import io.wxcard.application.contract.wechat.WechatCardImagesContract;
import io.wxcard.application.port.in.ManageTenantsUseCase;
import io.wxcard.domain.tenant.TenantId;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The standalone service's {@code /v1} API served by the tea house's own Tomcat ({@code wxcard.rest.enabled=true}):
 * the same API keys, routes, multipart upload and problem+json answers as the standalone service, over real HTTP,
 * with the card picture uploaded to the WeChat sandbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class V1ApiInTheApplicationTest {

    static final SandboxWechat WECHAT = new SandboxWechat();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String BOUNDARY = "teahouse-boundary";

    @DynamicPropertySource
    static void wxcard(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> "jdbc:h2:mem:teahouse-v1;DB_CLOSE_DELAY=-1");
        properties.add("wxcard.wechat.api-base-url", WECHAT.sandbox::baseUrl);
        properties.add("wxcard.wechat.pay-api-base-url", WECHAT.sandbox::baseUrl);
        properties.add("TEAHOUSE_APPID", () -> SandboxWechat.APP_ID);
        properties.add("TEAHOUSE_APPSECRET", () -> WECHAT.appSecret);
        properties.add("TEAHOUSE_PUSH_TOKEN", () -> WECHAT.pushToken);
        properties.add("TEAHOUSE_AES_KEY", () -> WECHAT.aesKey);
    }

    @AfterAll
    static void stopWechat() {
        WECHAT.close();
    }

    @LocalServerPort int port;
    @Autowired ManageTenantsUseCase tenants;
    private final HttpClient http = HttpClient.newHttpClient();
    private String apiKey;

    @BeforeEach
    void aKeyForTheTeaHouse() {
        WECHAT.registerTeaHouse(port);
        apiKey = tenants.rotateKey(new TenantId("teahouse"), Option.none()).get().apiKey().reveal();
    }

    @Test
    void a_card_is_drafted_with_a_picture_uploaded_to_wechat_through_the_applications_own_server() throws Exception {
        HttpResponse<String> uploaded = send("POST", "/v1/images", apiKey, "multipart/form-data; boundary=" + BOUNDARY,
                multipart("buffer", "logo.png", "image/png", WechatCardImagesContract.PNG));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String logo = JSON.readTree(uploaded.body()).path("url").asText();
        assertThat(logo).contains("mmbiz.qpic.cn");

        HttpResponse<String> drafted = send("POST", "/v1/cards", apiKey, "application/json",
                CARD.formatted(logo, "Tea House").getBytes(StandardCharsets.UTF_8));
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        String id = JSON.readTree(drafted.body()).path("id").asText();

        HttpResponse<String> read = send("GET", "/v1/cards/" + id, apiKey, null, null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).contains("Tea House").contains(logo).contains("DRAFT");
    }

    @Test
    void refusals_are_the_apis_own_problems_naming_what_is_wrong() throws Exception {
        HttpResponse<String> noKey = send("GET", "/v1/cards", null, null, null);
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(noKey.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));

        HttpResponse<String> foreignLogo = send("POST", "/v1/cards", apiKey, "application/json",
                CARD.formatted("https://example.com/logo.png", "Tea House").getBytes(StandardCharsets.UTF_8));
        assertThat(foreignLogo.statusCode()).as(foreignLogo.body()).isBetween(400, 422);
        JsonNode problem = JSON.readTree(foreignLogo.body());
        assertThat(problem.toString()).contains("logo_url").contains("/v1/images");

        HttpResponse<String> typo = send("GET", "/v1/cards?stat=DRAFT", apiKey, null, null);
        assertThat(typo.statusCode()).as(typo.body()).isEqualTo(400);
        assertThat(typo.body()).contains("stat");
        assertThat(send("GET", "/v1/cards", apiKey, null, null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(String method, String path, String key, String contentType, byte[] body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] multipart(String field, String fileName, String contentType, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static final String CARD = """
            {"card": {"card_type": "MEMBER_CARD", "member_card": {
              "base_info": {
                "logo_url": "%s", "brand_name": "%s",
                "code_type": "CODE_TYPE_QRCODE", "title": "Tea card", "color": "Color090",
                "notice": "Show at the till", "description": "One point per yuan.",
                "date_info": {"type": "DATE_TYPE_PERMANENT"}, "sku": {"quantity": 100}, "use_all_locations": true},
              "prerogative": "Tea at members' prices", "auto_activate": true, "supply_bonus": true, "supply_balance": false}}}
            """;
}
