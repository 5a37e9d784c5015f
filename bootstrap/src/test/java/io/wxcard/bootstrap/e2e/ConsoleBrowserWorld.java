package io.wxcard.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The world the console's browser tests run in: the packaged service on its embedded defaults with the built-in
 * sandbox, a second tenant with a card of its own, and a headless chromium; and the small steps the tests are
 * written in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsoleBrowserWorld {

    static final String API_KEY = "e2e-console-key-0123456789abcdef";
    static final Pattern ADMIN_PASSWORD = Pattern.compile("sign in as admin / (\\S+);");
    static final ObjectMapper JSON = new ObjectMapper();

    Path dataDir;
    ServiceProcess service;
    Browser browser;
    String base;
    String sandbox;
    String adminPassword;
    String otherTenantsCard;
    String cardId;
    String code;

    @BeforeAll
    void startTheServiceAndTheBrowser() throws Exception {
        dataDir = Files.createTempDirectory("wxcard-console-e2e-");
        int httpPort = ServiceProcess.freePort();
        int sandboxPort = ServiceProcess.freePort();
        base = "http://127.0.0.1:" + httpPort;
        sandbox = "http://127.0.0.1:" + sandboxPort;
        Map<String, String> environment = new java.util.HashMap<>(Map.of("CARD_DATA_DIR", dataDir.toString(),
                "CARD_HTTP_PORT", Integer.toString(httpPort), "CARD_HTTP_HOST", "127.0.0.1", "CARD_SANDBOX_PORT",
                Integer.toString(sandboxPort), "CARD_DEMO_API_KEY", API_KEY));
        environment.putAll(moreEnvironment());
        // Another tenant, with a card of its own, whose ids the demo tenant's operators must not reach.
        Path secret = Files.writeString(dataDir.resolve("other-secret"), "other-tenant-secret-0001");
        ServiceProcess.Result added = ServiceProcess.run(environment, Duration.ofMinutes(1), "tenant", "add", "--id",
                "other", "--name", "Other shop", "--appid", "wxother0000card0001", "--appsecret-file",
                secret.toString(), "--token-file", secret.toString());
        assertThat(added.status()).as(added.output()).isZero();
        Matcher key = Pattern.compile("API key \\(shown this once; only its hash is kept\\): (\\S+)").matcher(added.output());
        assertThat(key.find()).as(added.output()).isTrue();
        String otherKey = key.group(1);

        service = ServiceProcess.start(ServiceProcess.SERVICE_JAR, environment);
        service.awaitHealthy(base + "/health/ready", Duration.ofSeconds(90));
        service.awaitOutput("this password is shown only now", Duration.ofSeconds(30));
        Matcher password = ADMIN_PASSWORD.matcher(service.output());
        assertThat(password.find()).as(service.output()).isTrue();
        adminPassword = password.group(1);
        otherTenantsCard = rest("POST", "/v1/cards", otherKey, OTHER_CARD).get("id").asText();
        browser = Browser.start();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (service != null) {
            service.close();
        }
    }

    /** What a test class sets in the service's environment beyond the world's own (nothing, unless it says). */
    Map<String, String> moreEnvironment() {
        return Map.of();
    }

    // ---- the steps ---------------------------------------------------------------------------------------------------

    void open(String path) {
        browser.driver.get(base + path);
    }

    void signIn(String name, String password) {
        type("name", name);
        type("password", password);
        click("sign-in");
    }

    // Every step waits for what it needs: a click that submits a form returns before the next page has loaded, and
    // htmx swaps fragments in after the request it sends, so an element looked up at once may not be there yet.

    void type(String id, String text) {
        WebElement field = waitUp().until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        field.clear();
        field.sendKeys(text);
    }

    void click(String id) {
        click(By.id(id));
    }

    void click(By what) {
        waitUp().until(ExpectedConditions.elementToBeClickable(what)).click();
    }

    WebElement find(By what) {
        return waitUp().until(ExpectedConditions.presenceOfElementLocated(what));
    }

    /** The element's text once it is on the page. */
    String text(By what) {
        return waitUp().until(driver -> driver.findElement(what).getText().strip());
    }

    /** The element's text once it satisfies {@code wanted}, or a failure naming the text last seen. */
    String textOnce(By what, Predicate<String> wanted) {
        String[] seen = {"(not on the page)"};
        try {
            return waitUp().until(driver -> {
                seen[0] = driver.findElement(what).getText().strip();
                return wanted.test(seen[0]) ? seen[0] : null;
            });
        } catch (TimeoutException notYet) {
            throw new AssertionError(what + " never showed what was expected; last seen: " + seen[0] + " (on "
                    + browser.driver.getCurrentUrl() + ")", notYet);
        }
    }

    String textOnceItIs(By what, String expected) {
        return textOnce(what, expected::equals);
    }

    String textOnceItContains(By what, String... parts) {
        return textOnce(what, text -> java.util.Arrays.stream(parts).allMatch(text::contains));
    }

    void awaitUrlEndingWith(String suffix) {
        try {
            waitUp().until(ExpectedConditions.urlMatches(Pattern.quote(suffix) + "$"));
        } catch (TimeoutException notYet) {
            throw new AssertionError("the browser never reached …" + suffix + "; it is on "
                    + browser.driver.getCurrentUrl(), notYet);
        }
    }

    void await(java.util.function.BooleanSupplier condition) {
        waitUp().ignoring(RuntimeException.class).until(driver -> condition.getAsBoolean());
    }

    private WebDriverWait waitUp() {
        WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Plain HTTP with the browser's own session cookie. */
    ConsoleHttp asBrowser() {
        ConsoleHttp http = new ConsoleHttp(base);
        Cookie session = browser.driver.manage().getCookieNamed("wxcard_console");
        http.plantCookie(session.getName(), session.getValue());
        return http;
    }

    JsonNode rest(String method, String path, String apiKey, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 299);
        return JSON.readTree(answer.body());
    }

    int restStatus(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + API_KEY).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (Exception failed) {
            return -1;
        }
    }

    static JsonNode post(String url, String apiKey, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 299);
        return JSON.readTree(answer.body());
    }

    static final String OTHER_CARD = """
            {"card": {"card_type": "MEMBER_CARD", "member_card": {
              "base_info": {
                "logo_url": "https://mmbiz.qpic.cn/other/logo.png", "brand_name": "Other shop",
                "code_type": "CODE_TYPE_QRCODE", "title": "Other", "color": "Color090",
                "notice": "Show at the till", "description": "Not the demo tenant's.",
                "date_info": {"type": "DATE_TYPE_PERMANENT"}, "sku": {"quantity": 10}, "use_all_locations": true},
              "prerogative": "none", "auto_activate": true, "supply_bonus": true, "supply_balance": false}}}
            """;
}
