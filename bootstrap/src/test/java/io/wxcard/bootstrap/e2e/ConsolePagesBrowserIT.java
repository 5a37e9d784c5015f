package io.wxcard.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's imports, members and operations pages in headless chromium, against the packaged service and its
 * sandbox: upload the old member list and watch the bar finish, find an imported member and see a refusal in
 * Chinese, open the operations page and the audit log; start a campaign, see it refused while an import runs and
 * start it anyway with a reason, then terminate it. Every element is waited for before it is read or clicked
 * (the page may still be loading, or htmx still swapping); screenshots land in {@code target/console-screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsolePagesBrowserIT extends ConsoleBrowserWorld {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Imports sent to WeChat this many a second, so that one of {@value #SLOW_IMPORT} rows runs for a minute. */
    private static final int IMPORT_RATE = 5;
    private static final int SLOW_IMPORT = 300;
    private String importCard;

    @Override
    Map<String, String> moreEnvironment() {
        return Map.of("CARD_IMPORT_RATE", Integer.toString(IMPORT_RATE));
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser.driver, PATIENCE);
    }

    private WebElement visible(String id) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private void awaitText(String id, String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    private void fill(String id, String text) {
        WebElement field = visible(id);
        field.clear();
        field.sendKeys(text);
    }

    private void press(String id) {
        waiting().until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    /** A card of the demo tenant, through the API, approved by the sandbox's review and upgraded for WeChat Pay. */
    private String approvedCard() throws Exception {
        String id = rest("POST", "/v1/cards", API_KEY, OTHER_CARD.replace("Other shop", "茶馆")
                .replace("\"Other\"", "\"导入测试卡\"")).get("id").asText();
        rest("POST", "/v1/cards/" + id + "/submit", API_KEY, "");
        waiting().ignoring(RuntimeException.class).until(driver -> {
            try {
                return rest("GET", "/v1/cards/" + id, API_KEY, "").get("state").asText().equals("APPROVED");
            } catch (Exception notYet) {
                return false;
            }
        });
        // WeChat Pay imports members only into a card upgraded for it (FIDELITY §15), as the sandbox does by default.
        rest("POST", "/v1/cards/" + id + "/wechat-pay-upgrade", API_KEY, "{\"brand_id\": \"1001622624\"}");
        return id;
    }

    @Test
    @Order(1)
    void an_operator_uploads_the_old_member_list_and_watches_the_bar_finish() throws Exception {
        importCard = approvedCard();
        open("/console/imports");
        fill("name", "admin");
        fill("password", adminPassword);
        press("sign-in");
        waiting().until(ExpectedConditions.urlContains("/console/imports"));
        new Select(visible("import-card")).selectByValue(importCard);
        Path list = Files.writeString(dataDir.resolve("old-members.csv"),
                "openid,membership_number,points\noBrowserImport0000000000001,M-1,10\n"
                        + "not an openid!,M-2,5\noBrowserImport0000000000002,M-3,20\n");
        browser.driver.findElement(By.id("import-file")).sendKeys(list.toAbsolutePath().toString());
        browser.screenshot("10-import-upload");
        press("start-import");

        visible("import-bar");
        awaitText("import-status", "已完成");
        assertThat(visible("import-imported").getText()).isEqualTo("2");
        assertThat(visible("import-failed").getText()).isEqualTo("1");
        assertThat(visible("import-bar").getAttribute("value")).isEqualTo("100");
        assertThat(visible("import-failures").getAttribute("href")).endsWith("/failures.csv");
        browser.screenshot("11-import-completed");
    }

    @Test
    @Order(2)
    void an_imported_member_is_found_and_an_overdraft_is_refused_in_chinese_changing_nothing() {
        open("/console/members");
        fill("member-search", "oBrowserImport0000000000002");
        press("search");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#member-list .member-row")))
                .click();
        awaitText("member-points", "20");
        fill("delta", "-100000");
        fill("reason", "试一试");
        press("apply-change");

        awaitText("change-error", "积分不足");
        assertThat(visible("change-error").getText()).doesNotContain("negative");
        assertThat(visible("member-points").getText()).isEqualTo("20");
        browser.screenshot("12-member-refusal-in-chinese");
    }

    @Test
    @Order(3)
    void the_operations_page_shows_the_outbox_and_the_audit_log_the_import() {
        open("/console/operations");
        visible("outbox-pending");
        visible("outbox-dead");
        visible("stock-alerts");
        browser.screenshot("13-operations");

        open("/console/audit");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-log"), "import.start"));
        assertThat(visible("audit-log").getText()).contains("old-members.csv");
    }

    @Test
    @Order(4)
    void a_campaign_refused_while_an_import_runs_starts_with_a_reason_and_is_terminated() throws Exception {
        String card = approvedCard();
        StringBuilder csv = new StringBuilder("openid\n");
        for (int i = 0; i < SLOW_IMPORT; i++) {
            csv.append(String.format("oBrowserCampaign%011d%n", i));
        }
        String running = importCsv(card, csv.toString());

        open("/console/cards/" + card + "/campaigns");
        fill("campaign-name", "满10元开卡");
        fill("campaign-mchids", "1900000109");
        fill("campaign-least_cost_fen", "1000");
        fill("campaign-max_cost_fen", "100000");
        press("start-campaign");

        awaitText("campaign-error", "导入还在进行");
        assertThat(visible("blocking-" + running).getAttribute("href")).endsWith("/console/imports/" + running);
        assertThat(rest("GET", "/v1/imports/" + running, API_KEY, "").get("status").asText())
                .as("the refusal came while the import ran").isNotEqualTo("COMPLETED");
        assertThat(rest("GET", "/v1/cards/" + card + "/campaigns", API_KEY, "").get("campaigns").size()).isZero();
        browser.screenshot("14-campaign-refused-while-importing");
        fill("campaign-override_reason", "导入的都是员工卡,不参加开卡礼");
        press("start-campaign-anyway");

        awaitText("campaign-state", "进行中");
        assertThat(visible("campaign-override").getText()).isEqualTo("导入的都是员工卡,不参加开卡礼");
        press("back-to-campaigns");
        visible("campaign-list");
        browser.screenshot("15-campaigns");
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#campaign-list .campaign-row a")))
                .click();
        press("terminate-campaign");

        awaitText("campaign-state", "已终止");
        visible("campaign-terminated-at");
        assertThat(rest("GET", "/v1/cards/" + card + "/campaigns", API_KEY, "").get("campaigns").get(0)
                .has("terminated_at")).isTrue();
    }

    /** The streamed import of the API ({@code POST /v1/cards/{id}/imports}, a CSV body): its job's id. */
    private String importCsv(String card, String csv) throws Exception {
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/v1/cards/" + card + "/imports"))
                        .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + API_KEY)
                        .header("Content-Type", "text/csv").POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return JSON.readTree(answer.body()).get("id").asText();
    }
}
