package io.wxcard.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * Chinese, open the operations page and the audit log. Every element is waited for before it is read or clicked
 * (the page may still be loading, or htmx still swapping); screenshots land in {@code target/console-screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsolePagesBrowserIT extends ConsoleBrowserWorld {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private String importCard;

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
}
