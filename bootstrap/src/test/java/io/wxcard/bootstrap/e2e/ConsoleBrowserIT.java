package io.wxcard.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The operator console in a real browser (headless chromium) against the packaged service on its embedded defaults,
 * with the built-in sandbox playing WeChat: what an operator does, in the order they do it, and what an attacker
 * tries. Screenshots of the main pages land in {@code target/console-screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT extends ConsoleBrowserWorld {

    @Test
    @Order(1)
    void a_wrong_password_is_refused_with_a_reason_and_the_right_one_signs_in() {
        open("/console/");
        assertThat(browser.driver.getCurrentUrl()).contains("/console/sign-in");
        signIn("admin", "not-the-password");
        textOnceItContains(By.id("sign-in-error"), "用户名或密码错误");
        browser.screenshot("01-sign-in-refused");

        signIn("admin", adminPassword);

        awaitUrlEndingWith("/console/cards");
        textOnceItContains(By.id("signed-in-as"), "admin", "管理员");
    }

    @Test
    @Order(2)
    void a_too_long_title_is_named_beside_the_field_as_one_types_and_the_fixed_card_is_submitted_and_approved() {
        open("/console/cards/new");
        type("brand_name", "茶馆");
        type("title", "黄金会员卡超级尊享版本");
        type("notice", "结账时出示");
        type("description", "每消费一元积一分。");
        type("prerogative", "饮品九折");

        await(() -> text(By.id("problem-title")).contains("最多 9 个字"));
        textOnceItIs(By.id("preview-title"), "黄金会员卡超级尊享版本");
        browser.screenshot("02-card-editor-title-too-long");
        click("save-card");
        textOnceItContains(By.id("problem-title"), "最多 9 个字,现在 11 个字");
        assertThat(browser.driver.findElements(By.cssSelector("#card-state"))).isEmpty(); // nothing was stored

        type("title", "黄金会员卡");
        await(() -> text(By.id("problem-title")).isEmpty());
        click("save-card");
        textOnceItIs(By.id("state-badge"), "草稿");
        cardId = browser.driver.getCurrentUrl().replaceAll(".*/cards/", "");
        click("submit-card");

        await(() -> "APPROVED".equals(browser.driver.findElement(By.id("state-badge")).getAttribute("data-state")));
        textOnceItIs(By.id("state-badge"), "审核通过");
        browser.screenshot("03-card-approved");
        open("/console/cards");
        textOnceItContains(By.id("card-list"), "黄金会员卡", "审核通过");
        browser.screenshot("04-cards-list");
    }

    @Test
    @Order(3)
    void finds_a_member_by_code_and_a_double_click_adds_the_points_once() throws Exception {
        JsonNode qr = rest("POST", "/v1/cards/" + cardId + "/qr-codes", API_KEY, "{\"outer_str\": \"store-1\"}");
        JsonNode scan = post(sandbox + "/sandbox/qrcodes/" + qr.get("ticket").asText() + "/scan", null,
                "{\"openid\": \"oConsoleMember0000000000001\"}");
        code = scan.get("code").asText();
        await(() -> restStatus("/v1/cards/" + cardId + "/memberships/" + code) == 200);

        open("/console/members");
        type("member-search", code);
        click("search");
        click(By.cssSelector("#member-list a"));
        textOnceItIs(By.id("member-points"), "0");
        type("delta", "100");
        type("reason", "开业赠送");
        String key = find(By.name("idempotency_key")).getAttribute("value");
        String csrf = find(By.name("_csrf")).getAttribute("value");
        WebElement apply = find(By.id("apply-change"));
        new Actions(browser.driver).doubleClick(apply).perform();
        await(() -> text(By.id("member-points")).equals("100"));
        // And the same form once more, as a browser's resend would: the key makes it a replay.
        ConsoleHttp replay = asBrowser();
        var again = replay.post("/console/members/" + cardId + "/" + code + "/ledger", Map.of("_csrf", csrf,
                "idempotency_key", key, "asset", "POINTS", "delta", "100", "reason", "开业赠送"));
        assertThat(again.statusCode()).isEqualTo(303);

        browser.driver.navigate().refresh();
        textOnceItIs(By.id("member-points"), "100");
        find(By.cssSelector("#timeline li"));
        List<WebElement> timeline = browser.driver.findElements(By.cssSelector("#timeline li"));
        assertThat(timeline).hasSize(1);
        assertThat(timeline.get(0).getText()).contains("+100").contains("开业赠送");
        browser.screenshot("05-member");
        browser.phoneSized();
        browser.screenshot("06-member-on-a-phone");
        browser.desktopSized();
    }

    @Test
    @Order(4)
    void the_audit_log_shows_who_changed_what_before_and_after() {
        open("/console/audit");
        textOnceItContains(By.id("audit-log"), "card.draft", "card.submit", "ledger.change",
                "points 0, balance ¥0.00", "points 100, balance ¥0.00", "admin");
        browser.screenshot("07-audit-log");
    }

    @Test
    @Order(5)
    void a_form_without_its_csrf_token_changes_nothing() {
        ConsoleHttp attacker = asBrowser();
        String path = "/console/members/" + cardId + "/" + code + "/ledger";

        var missing = attacker.post(path, Map.of("idempotency_key", "csrf-1", "asset", "POINTS", "delta", "500",
                "reason", "forged"));
        var wrong = attacker.post(path, Map.of("_csrf", "forged-token-forged-token", "idempotency_key", "csrf-2",
                "asset", "POINTS", "delta", "500", "reason", "forged"));

        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("CSRF");
        open("/console/members/" + cardId + "/" + code);
        textOnceItIs(By.id("member-points"), "100");
    }

    @Test
    @Order(6)
    void a_session_id_planted_before_sign_in_never_becomes_a_signed_in_one() {
        ConsoleHttp victim = new ConsoleHttp(base);
        victim.plantCookie("wxcard_console", "attacker-chosen-session-id-000000000000");

        HttpResponse<String> signedIn = victim.signIn("demo", "admin", adminPassword);

        assertThat(signedIn.statusCode()).isEqualTo(303);
        String issued = ConsoleHttp.setCookie(signedIn, "wxcard_console");
        assertThat(issued).isNotBlank().isNotEqualTo("attacker-chosen-session-id-000000000000");
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("wxcard_console=" + issued).contains("HttpOnly").contains("SameSite=Strict"));
        ConsoleHttp attacker = new ConsoleHttp(base);
        attacker.plantCookie("wxcard_console", "attacker-chosen-session-id-000000000000");
        assertThat(attacker.get("/console/cards").statusCode()).isEqualTo(303);
        ConsoleHttp holder = new ConsoleHttp(base);
        holder.plantCookie("wxcard_console", issued);
        assertThat(holder.get("/console/cards").statusCode()).isEqualTo(200);
        // A real session brought to a new sign-in is ended by it: the new sign-in gets a new id.
        HttpResponse<String> again = holder.signIn("demo", "admin", adminPassword);
        assertThat(ConsoleHttp.setCookie(again, "wxcard_console")).isNotEqualTo(issued);
        ConsoleHttp thief = new ConsoleHttp(base);
        thief.plantCookie("wxcard_console", issued);
        assertThat(thief.get("/console/cards").statusCode()).isEqualTo(303);
    }

    @Test
    @Order(7)
    void a_viewer_reads_but_may_not_change_points_and_repeated_failures_lock_an_account() {
        open("/console/operators");
        type("new-operator-name", "vera");
        new org.openqa.selenium.support.ui.Select(find(By.id("new-operator-role")))
                .selectByValue("VIEWER");
        type("new-operator-password", "viewer-password-0001");
        click("add-operator");
        textOnceItContains(By.id("operator-list"), "vera", "只读");
        browser.screenshot("08-operators");

        ConsoleHttp viewer = new ConsoleHttp(base);
        assertThat(viewer.signIn("demo", "vera", "viewer-password-0001").statusCode()).isEqualTo(303);
        var page = viewer.get("/console/members/" + cardId + "/" + code);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("member-points").doesNotContain("change-form");
        var refused = viewer.post("/console/members/" + cardId + "/" + code + "/ledger", Map.of("_csrf",
                ConsoleHttp.csrfOf(page.body()), "idempotency_key", "viewer-1", "asset", "POINTS", "delta", "5",
                "reason", "not allowed"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(viewer.get("/console/audit").statusCode()).isEqualTo(403);
        open("/console/members/" + cardId + "/" + code);
        textOnceItIs(By.id("member-points"), "100");

        ConsoleHttp guesser = new ConsoleHttp(base);
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.signIn("demo", "vera", "wrong-guess-" + i).statusCode()).isEqualTo(401);
        }
        var locked = guesser.signIn("demo", "vera", "viewer-password-0001");
        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(locked.body()).contains("锁定");
    }

    @Test
    @Order(8)
    void another_tenants_ids_are_not_found() {
        open("/console/cards/" + otherTenantsCard);
        textOnceItContains(By.id("error-message"), "没有找到");
        browser.screenshot("09-another-tenants-card");

        ConsoleHttp admin = asBrowser();
        String csrf = ConsoleHttp.csrfOf(admin.get("/console/cards").body());
        assertThat(admin.post("/console/cards/" + otherTenantsCard + "/submit", Map.of("_csrf", csrf)).statusCode())
                .isEqualTo(404);
        assertThat(admin.get("/console/members/" + otherTenantsCard + "/" + code).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(9)
    void the_console_switches_to_english_and_back() {
        open("/console/cards");
        click(By.cssSelector("a.lang"));
        textOnceItIs(By.cssSelector("h1"), "Cards");
        browser.screenshot("10-cards-in-english");
        click(By.cssSelector("a.lang"));
        textOnceItIs(By.cssSelector("h1"), "会员卡");
    }

    @Test
    @Order(10)
    void prints_a_poster_whose_qr_code_holds_wechats_link_for_the_store() throws Exception {
        open("/console/cards/" + cardId);
        click("distribute-card");
        type("store", "store-7");
        click("make-poster");

        String link = textOnce(By.cssSelector("#poster + p small"), shown -> shown.startsWith("http"));
        String modules = find(By.cssSelector("#poster-qr svg path")).getAttribute("d");
        assertThat(QrPicture.decode(modules)).isEqualTo(link);
        textOnceItContains(By.id("poster"), "扫码领取会员卡", "store-7");
        browser.screenshot("11-poster");
        open("/console/audit");
        textOnceItContains(By.id("audit-log"), "card.qr_code", "store store-7");
    }

    @Test
    @Order(11)
    void invalidation_names_what_cannot_be_undone_and_needs_the_confirmation() {
        ConsoleHttp admin = asBrowser();
        String page = admin.get("/console/members/" + cardId + "/" + code).body();
        var unconfirmed = admin.post("/console/members/" + cardId + "/" + code + "/invalidate", Map.of("_csrf",
                ConsoleHttp.csrfOf(page), "invalidate_reason", "会员注销"));
        assertThat(unconfirmed.statusCode()).isEqualTo(422);
        assertThat(unconfirmed.body()).contains("不可撤销");

        open("/console/members/" + cardId + "/" + code);
        textOnceItIs(By.id("member-state"), "已激活");
        click("open-invalidate");
        textOnceItContains(By.cssSelector("#invalidate-form .alert"), "不可撤销");
        type("invalidate-reason", "会员注销");
        click("invalidate-confirm");
        browser.screenshot("12-invalidate-confirmation");
        click("invalidate");

        textOnceItIs(By.id("member-state"), "已失效");
        assertThat(browser.driver.findElements(By.id("invalidate-form"))).isEmpty();
        open("/console/audit");
        textOnceItContains(By.id("audit-log"), "membership.invalidate", "INVALIDATED (会员注销)");
    }

    @Test
    @Order(12)
    void the_statistics_chart_our_members_and_points_and_pull_wechats_days_from_the_sandbox() {
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String longAgo = java.time.LocalDate.parse(today).minusDays(90).toString();
        open("/console/statistics?card=" + cardId + "&from=" + longAgo + "&to=" + today);
        textOnceItContains(By.id("problem-range"), "统计的日期范围不正确", "62");
        assertThat(browser.driver.findElements(By.cssSelector("svg.chart"))).isEmpty();

        open("/console/statistics?card=" + cardId);
        textOnceItIs(By.id("total-new"), "1");
        textOnceItIs(By.id("total-points-issued"), "100");
        assertThat(browser.driver.findElements(By.cssSelector("svg.chart"))).hasSize(3);
        assertThat(browser.driver.findElements(By.cssSelector("#chart-points rect.ours"))).hasSize(1);
        click("pull-statistics");
        textOnceItContains(By.id("statistics-notice"), "已从微信拉取");
        textOnceItContains(By.id("wechat-days"), "已拉取");
        // the charts, not the form, in the picture
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "document.getElementById('statistics-totals').scrollIntoView()");
        browser.screenshot("13-statistics");
    }
}
