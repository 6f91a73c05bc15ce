package rasad.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * Given Rasad as {@code ./run.sh} starts it — the provider, both sides and the pages, each its own process but the
 * sides — and one facility granted, when a manager opens the pages in a real browser (Debian's Chromium,
 * headless), then they are sent to sign in at the provider, come back to the province dashboard in Persian, right
 * to left with Persian digits, and switch it to English. Skipped, saying so, where Chromium is not installed
 * ({@code .ci/run} installs it).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ManagerDashboardInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // the three processes' logs stay for a failure
    static Path dataDir;

    static RasadCluster rasad;
    static Process identity;
    static Process pages;
    static String pagesUrl;
    static WebDriver browser;

    @BeforeAll
    static void startRasadAndABrowser() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        int identityPort = EmbeddedDefaultEndToEndTest.freePort();
        int webPort = EmbeddedDefaultEndToEndTest.freePort();
        int mongoPort = EmbeddedDefaultEndToEndTest.freePort();
        String issuer = "http://127.0.0.1:" + identityPort;
        pagesUrl = "http://127.0.0.1:" + webPort;
        rasad = RasadCluster.embedded(mongoPort, dataDir, "memory", Map.of("rasad.access.tokens.issuer", issuer));
        identity = process(
                "identity",
                Map.of("RASAD_WEB_PORT", Integer.toString(webPort)),
                "--server.port=" + identityPort,
                "--rasad.identity.issuer=" + issuer,
                "--rasad.identity.key-dir=" + dataDir.resolve("identity-keys"),
                "--rasad.mongodb.embedded.port=" + mongoPort,
                "--rasad.mongodb.embedded.data-dir=" + dataDir,
                "--rasad.mongodb.embedded.backend=memory");
        awaitReady(issuer);
        pages = process(
                "web",
                Map.of(),
                "--server.port=" + webPort,
                "--spring.security.oauth2.client.provider.rasad.issuer-uri=" + issuer,
                "--rasad.web.command-url=" + rasad.commandUrl(),
                "--rasad.web.query-url=" + rasad.queryUrl(),
                "--rasad.web.refresh-seconds=2");
        awaitReady(pagesUrl);

        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        // Bootstrap scrolls smoothly unless motion is reduced; a click during the scroll misses
                        "--force-prefers-reduced-motion",
                        "--window-size=1280,900",
                        "--user-data-dir=" + Files.createTempDirectory(dataDir, "chromium"));
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER.toFile())
                        .build(),
                options);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        for (Process process : new Process[] {pages, identity}) {
            if (process != null) {
                process.destroy();
                process.waitFor();
            }
        }
        if (rasad != null) {
            rasad.close();
        }
    }

    @Test
    @Order(1) // the dashboard's figures are of its one facility: the auditor's case comes after
    void a_manager_signs_in_and_reads_the_province_dashboard_in_persian_then_in_english() throws Exception {
        // given an inspector of Tabriz in the staff register, to be sent on a visit
        RasadHttp.Response registered = new RasadHttp()
                .put(
                        rasad.commandUrl() + "/api/staff/inspector-tabriz",
                        "admin",
                        "{\"displayName\": \"مریم رضایی\", \"role\": \"inspector\", \"county\": \"tabriz\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);

        // when the manager opens the pages, they sign in at the provider, and see the dashboard
        signsIn("manager", "/");
        assertThat(browser.findElement(By.id("plans")).getText()).isEqualTo("۰");
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true");

        // and when one facility is granted in fiscal year 1404 meanwhile
        RasadHttp.Response granted = new RasadHttp()
                .post(
                        rasad.commandUrl() + "/api/facilities",
                        "bank-officer",
                        RasadHttp.grant("page-1", "0499370899", "tabriz", "bank-melli"));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);

        // and paid in full, then a payment beyond the grant refused: an R10 alert for the inbox
        String tranches = rasad.commandUrl() + "/api/facilities/page-1/tranches";
        RasadHttp bank = new RasadHttp();
        assertThat(bank.post(
                                tranches,
                                "admin",
                                "{\"trancheId\": \"t1\", \"amountRials\": 3000000000, \"paidOn\": \"2025-05-10\"}")
                        .status())
                .isEqualTo(201);
        assertThat(bank.post(
                                tranches,
                                "admin",
                                "{\"trancheId\": \"t-over\", \"amountRials\": 1, \"paidOn\": \"2025-06-10\"}")
                        .status())
                .isEqualTo(409);

        // then the dashboard shows it without a reload (it refreshes itself), in Persian, right to left
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> browser.findElement(By.id("plans")).getText().equals("۱"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true"))
                .isEqualTo(true);
        // with its charts drawn, and in Vazirmatn, served by Rasad
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !browser.findElements(By.cssSelector("#funnel-chart svg"))
                                .isEmpty()
                        && !browser.findElements(By.cssSelector("#months-chart svg"))
                                .isEmpty());
        assertThat(((JavascriptExecutor) browser)
                        .executeScript(
                                "return document.fonts.ready.then(() => document.fonts.check('16px Vazirmatn'))"))
                .isEqualTo(true);
        assertThat(((JavascriptExecutor) browser).executeScript("return getComputedStyle(document.body).fontFamily"))
                .asString()
                .startsWith("Vazirmatn");
        assertThat(browser.getCurrentUrl()).startsWith(pagesUrl);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("داشبورد استان، سال مالی ۱۴۰۴");

        assertThat(browser.findElements(By.cssSelector("#agency-table tbody tr")))
                .singleElement()
                .satisfies(row ->
                        assertThat(row.findElement(By.tagName("th")).getText()).isEqualTo("relief-committee"));

        // when they choose the months up to the fifth, then the dashboard says so
        new Select(browser.findElement(By.id("toMonth"))).selectByValue("5");
        browser.findElement(By.cssSelector("form[method=get] button[type=submit]"))
                .click();
        // the click returns before the browser has loaded the answer: wait for it, up to a few seconds
        await().atMost(Duration.ofSeconds(10))
                .until(() -> browser.getCurrentUrl().contains("toMonth=5"));
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .untilAsserted(
                        () -> assertThat(browser.findElement(By.id("period")).getText())
                                .isEqualTo("ماه ۱ تا ۵"));

        // when they take the month's meeting pack for the committee, then a PDF of months 1 to 5
        assertThat(browser.findElement(By.id("meeting-pack")).getAttribute("href"))
                .endsWith("toMonth=5");
        byte[] pack = downloads(By.id("meeting-pack"));
        assertThat(new String(pack, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        // when they switch to English, then the same figures in English, left to right
        browser.findElement(By.linkText("English")).click();
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .untilAsserted(
                        () -> assertThat(browser.findElement(By.tagName("html")).getAttribute("dir"))
                                .isEqualTo("ltr"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Province dashboard, fiscal year 1404");
        assertThat(browser.findElement(By.id("plans")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("by-gender")).getText()).isEqualTo("By gender");

        // when they go to the bank league table, the quotas and the committee's approvals from the menu
        opens(By.id("nav-banks"), "Bank league table, fiscal year 1404");
        assertThat(browser.findElements(By.id("league-table"))).hasSize(1);

        // when they take the league table away, then as CSV and as Excel: the same table, figures as numbers
        String csv = new String(downloads(By.id("export-csv")), StandardCharsets.UTF_8);
        assertThat(csv)
                .startsWith("\uFEFFRank,Bank,Bank (name),Quota (bn tomans),Paid (bn tomans)")
                .contains("bank-melli");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(downloads(By.id("export-xlsx"))))) {
            Sheet banks = workbook.getSheetAt(0);
            assertThat(banks.isRightToLeft()).isFalse();
            assertThat(banks.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Bank");
            assertThat(banks.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(banks.getLastRowNum()).isEqualTo(csv.strip().split("\r\n").length - 1);
        }
        opens(By.id("nav-quotas"), "Quota usage, fiscal year 1404");
        assertThat(browser.findElements(By.id("quota-table"))).hasSize(1);
        opens(By.id("nav-approvals"), "Committee approvals, fiscal year 1404");
        assertThat(browser.findElement(By.id("approved-plans")).getText()).isEqualTo("0");

        // then switching language keeps them on the page they are reading
        opens(By.id("language-switch"), "مصوبات کارگروه، سال مالی ۱۴۰۴");
        assertThat(browser.getCurrentUrl()).contains("/approvals");
        assertThat(browser.findElement(By.id("approved-plans")).getText()).isEqualTo("۰");

        // when they open the alert inbox and the heat table
        opens(By.id("nav-alerts"), "صندوق هشدارها");
        reloadsUntil(() -> !browser.findElements(By.id("alert-r10.page-1")).isEmpty());
        // the count in Persian digits, as many as the rows (other rules may find this facility too)
        int rows = browser.findElements(By.cssSelector("#alert-table tbody tr")).size();
        assertThat(browser.findElement(By.id("alert-count")).getText())
                .isEqualTo(String.valueOf(rows)
                                .chars()
                                .mapToObj(d -> String.valueOf((char) ('۰' + d - '0')))
                                .reduce("", String::concat)
                        + " هشدار");

        // when they tick it and acknowledge it with a note, then it is recorded and shown as acknowledged
        browser.findElement(By.cssSelector("input[name=alertId][value='r10.page-1']"))
                .click();
        browser.findElement(By.id("note")).sendKeys("bank asked to reverse the payment");
        browser.findElement(By.id("acknowledge-ticked")).click();
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(
                                browser.findElement(By.cssSelector("#triage-outcomes li[data-alert='r10.page-1']"))
                                        .getText())
                        .endsWith("پذیرفته شد"));
        reloadsUntil(
                () -> browser.findElement(By.id("alert-r10.page-1")).getText().contains("پذیرفته‌شده"));

        // when they open the alert, then its finding, its evidence and what was done so far
        opens(By.linkText("r10.page-1"), "هشدار r10.page-1");
        assertThat(browser.findElement(By.id("alert-status")).getText()).isEqualTo("پذیرفته‌شده");
        assertThat(browser.findElement(By.id("alert-bank")).getText()).isEqualTo("bank-melli");
        assertThat(browser.findElement(By.id("alert-county")).getText()).isEqualTo("tabriz");
        assertThat(browser.findElements(By.cssSelector("#alert-history tr[data-step=ACKNOWLEDGED]")))
                .singleElement()
                .satisfies(step -> assertThat(step.getText()).contains("bank asked to reverse the payment"));
        assertThat(browser.findElements(By.cssSelector("#alert-evidence li"))).isNotEmpty();

        // when they send an inspector by a day that does not exist, then the form says which field and keeps it
        new Select(browser.findElement(By.id("inspector"))).selectByValue("inspector-tabriz");
        browser.findElement(By.id("visitDueOn")).sendKeys("1404/13/01");
        browser.findElement(By.id("assign-note")).sendKeys("check the workshop's stock");
        submits(By.id("assign"));
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(browser.findElement(By.cssSelector("#assignment #refusal"))
                                .getText())
                        .contains("visitDueOn"));
        assertThat(browser.findElement(By.id("assign-note")).getAttribute("value"))
                .isEqualTo("check the workshop's stock");

        // when they correct the day (typed in Persian digits), then the visit is scheduled
        browser.findElement(By.id("visitDueOn")).clear();
        browser.findElement(By.id("visitDueOn")).sendKeys("۱۴۰۴/۰۴/۲۰");
        new Select(browser.findElement(By.id("inspector"))).selectByValue("inspector-tabriz");
        submits(By.id("assign"));
        assertThat(recorded()).isEqualTo("بازرس اعزام شد؛ بازدید زمان‌بندی شد.");
        reloadsUntil(
                () -> browser.findElement(By.id("alert-inspector")).getText().equals("inspector-tabriz · ۱۴۰۴/۰۴/۲۰"));

        // when they resolve it as a false alarm, with the reason, then it is closed and no triage form is left
        browser.findElement(By.cssSelector("label[for=resolution-FALSE_ALARM]")).click();
        browser.findElement(By.id("resolution-reason")).sendKeys("the bank reversed the excess payment");
        submits(By.id("resolve"));
        assertThat(recorded()).isEqualTo("بستن هشدار ثبت شد.");
        reloadsUntil(() -> browser.findElement(By.id("alert-status")).getText().equals("حل‌شده"));
        assertThat(browser.findElements(By.id("triage-forms"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#alert-history tr[data-step=RESOLVED]")))
                .singleElement()
                .satisfies(step -> assertThat(step.getText()).contains("the bank reversed the excess payment"));

        opens(By.id("nav-heat"), "هشدارهای باز به تفکیک بانک و شهرستان");
        assertThat(browser.findElements(By.id("heat-table"))).hasSize(1);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(downloads(By.id("export-xlsx"))))) {
            assertThat(workbook.getSheetAt(0).isRightToLeft()).isTrue();
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .isNotBlank()
                    .doesNotContainPattern("[A-Za-z]");
        }

        // when a filter the query side refuses reaches it, then the page says which and why, with its status
        browser.get(pagesUrl + "/alerts?rule=R99&lang=en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Refused");
        assertThat(browser.findElement(By.id("refusal")).getText()).contains("rule");
    }

    @Test
    @Order(2)
    void an_auditor_finds_a_case_by_the_person_reads_it_as_it_stood_and_verifies_its_history() throws Exception {
        // given a facility granted, then paid a moment later
        RasadHttp http = new RasadHttp();
        RasadHttp.Response granted = http.post(
                rasad.commandUrl() + "/api/facilities",
                "bank-officer",
                RasadHttp.grant("audit-1", "0079382614", "tabriz", "bank-melli"));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        Thread.sleep(50);
        Instant beforePayment = Instant.now();
        Thread.sleep(50);
        assertThat(http.post(
                                rasad.commandUrl() + "/api/facilities/audit-1/tranches",
                                "admin",
                                "{\"trancheId\": \"t1\", \"amountRials\": 1000000000, \"paidOn\": \"2025-05-10\"}")
                        .status())
                .isEqualTo(201);

        // when the auditor signs in and searches by the beneficiary's national id, typed in Persian digits
        signsIn("auditor", "/cases?lang=fa");
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    browser.get(
                            pagesUrl + "/cases?nationalId=" + URLEncoder.encode("۰۰۷۹۳۸۲۶۱۴", StandardCharsets.UTF_8));
                    assertThat(browser.findElements(By.id("case-audit-1")))
                            .as(() -> browser.findElement(By.tagName("main")).getText())
                            .singleElement()
                            .satisfies(row -> assertThat(row.getText()).contains("بخشی پرداخت‌شده"));
                });

        // then the case, as it is now: paid
        opens(By.linkText("audit-1"), "پرونده audit-1");
        assertThat(browser.findElement(By.id("case-paid")).getText()).isEqualTo("۰٫۱");

        // when they ask for it as Rasad knew it just before the payment, then it is unpaid, and says as of when
        browser.findElement(By.id("at")).sendKeys(beforePayment.toString());
        new Select(browser.findElement(By.id("axis"))).selectByValue("recorded");
        submits(By.id("show-as-of"));
        assertThat(browser.findElement(By.id("as-of-banner")).getText()).contains("۱ رویداد");
        assertThat(browser.findElement(By.id("case-paid")).getText()).isEqualTo("۰");
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("مصوب");

        // when they verify its history, then it is intact, with the store's digest to note down
        browser.findElement(By.id("show-live")).click();
        submits(By.id("verify"));
        assertThat(browser.findElement(By.id("verification-result")).getText()).contains("سالم");
        assertThat(browser.findElement(By.id("store-digest")).getText())
                .isNotBlank()
                .isNotEqualTo("—");

        // and its history shows both times of every event, side by side
        opens(By.id("open-history"), "تاریخچه‌ی پرونده audit-1");
        List<WebElement> events = browser.findElements(By.cssSelector("#history-table tbody tr"));
        assertThat(events).hasSizeGreaterThanOrEqualTo(2);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.findElement(By.className("occurred-at")).getText()).matches("[۰-۹/ :]+");
            assertThat(event.findElement(By.className("recorded-at")).getText()).matches("[۰-۹/ :]+");
            assertThat(event.findElement(By.className("integrity")).getText()).isEqualTo("OK");
        });

        // and the dossier is a PDF to file
        browser.findElement(By.id("back-to-case")).click();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !browser.findElements(By.id("dossier")).isEmpty());
        byte[] dossier = downloads(By.id("dossier"));
        assertThat(new String(dossier, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        // when they switch to English, the same case, in English
        opens(By.id("language-switch"), "Case audit-1");
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("Partly paid");

        // when they verify the whole store, then they follow it on a progress bar until it is done, intact
        opens(By.id("nav-audit"), "Proof that history was not rewritten");
        assertThat(browser.findElement(By.id("digest-chained")).getText()).isNotBlank();
        submits(By.id("verify-store"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Verification of the whole store");
        assertThat(browser.findElements(By.id("verification-progress"))).hasSize(1);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() ->
                        browser.findElement(By.id("store-verdict")).getText().startsWith("Intact"));
        assertThat(browser.findElement(By.id("verified-digest")).getText()).isNotBlank();

        // and the personal-data access log shows their own search by national id
        browser.findElement(By.linkText("Back to the audit")).click();
        opens(By.id("open-access-log"), "Personal-data access log");
        assertThat(browser.findElements(By.cssSelector("#access-log-table tbody tr")))
                .anySatisfy(reading -> assertThat(reading.getText()).contains("auditor"));
    }

    @Test
    @Order(3)
    void an_admin_rebuilds_a_read_model_with_a_reason_and_gives_a_new_inspector_an_account() throws Exception {
        // when the admin opens the processors, then each with its position in the store
        signsIn("admin", "/admin/processors?lang=fa");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("مدل‌های خواندنی و پردازشگرهای آن‌ها");
        List<WebElement> processors = browser.findElements(By.cssSelector("#processor-table tbody tr"));
        assertThat(processors).isNotEmpty();
        String processor = processors.get(0).getAttribute("id").substring("processor-".length());

        // when they ask for a rebuild with a reason, then it is recorded, and listed with that reason
        browser.findElement(By.id("reason-" + processor)).sendKeys("projection fixed in release 2.1");
        submits(By.id("rebuild-button-" + processor));
        assertThat(recorded()).contains(processor);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> browser.findElement(By.id("rebuild-table"))
                        .getText()
                        .contains("projection fixed in release 2.1"));

        // when they register a new inspector for Marand, then the register shows her
        opens(By.id("nav-staff"), "کاربران و کارکنان");
        browser.findElement(By.id("staffId")).sendKeys("inspector-sara");
        browser.findElement(By.id("displayName")).sendKeys("سارا کریمی");
        new Select(browser.findElement(By.id("role"))).selectByValue("inspector");
        browser.findElement(By.id("staff-county")).sendKeys("marand");
        submits(By.id("register"));
        assertThat(recorded()).isEqualTo("ثبت شد.");
        reloadsUntil(() ->
                browser.findElement(By.id("staff-inspector-sara")).getText().contains("سارا کریمی"));

        // when they give her a password too short, then the rule is named; a long one is recorded
        browser.findElement(By.id("new-password-inspector-sara")).sendKeys("short");
        browser.findElement(By.id("password-reason-inspector-sara")).sendKeys("joined the Marand office");
        submits(By.id("set-password-inspector-sara"));
        assertThat(recorded()).contains("PASSWORD_TOO_SHORT");
        browser.findElement(By.id("new-password-inspector-sara")).sendKeys("marand-field-visits-2026");
        browser.findElement(By.id("password-reason-inspector-sara")).sendKeys("joined the Marand office");
        submits(By.id("set-password-inspector-sara"));
        assertThat(recorded()).isEqualTo("ثبت شد.");

        // when they give rule R1 more time before a plan without a job is flagged, with the reason
        opens(By.id("nav-rules"), "قاعده‌های هشدار و پارامترهای آن‌ها");
        WebElement noJobWithin = browser.findElement(By.id("parameter-R1-no-job-within"));
        noJobWithin.clear();
        noJobWithin.sendKeys("P120D");
        browser.findElement(By.id("reason-R1")).sendKeys("committee session 14: rural plans start later");
        submits(By.id("save-R1"));
        assertThat(recorded()).isEqualTo("تغییر R1 ثبت شد.");
        // then, once the rules have reached it, it is in effect, with who changed it and why
        reloadsUntil(() -> browser.findElement(By.id("parameter-R1-no-job-within"))
                        .getAttribute("value")
                        .equals("P120D")
                && browser.findElement(By.id("rule-R1"))
                        .getText()
                        .contains("committee session 14: rural plans start later"));

        // when they record the province's job target for the year, then it is listed
        opens(By.id("nav-planning"), "تعهدها و سهمیه‌ها، سال مالی ۱۴۰۴");
        new Select(browser.findElement(By.id("scopeKind"))).selectByValue("PROVINCE");
        browser.findElement(By.id("scopeCode")).sendKeys("east-azerbaijan");
        browser.findElement(By.id("jobs")).sendKeys("12000");
        submits(By.id("set-target"));
        assertThat(recorded()).isEqualTo("ثبت شد.");
        reloadsUntil(() -> browser.findElement(By.id("target-table")).getText().contains("۱۲٬۰۰۰"));
        // and a quota typed as no amount is refused, naming the field
        browser.findElement(By.id("holder")).sendKeys("bank-melli");
        browser.findElement(By.id("programme")).sendKeys("HOME_BUSINESS");
        browser.findElement(By.id("fundingSource")).sendKeys("note-16");
        browser.findElement(By.id("billionTomans")).sendKeys("twenty");
        submits(By.id("set-quota"));
        assertThat(recorded()).contains("billionTomans");

        // when they name a county in reference data, then it is listed in both languages
        opens(By.id("nav-reference"), "داده‌های پایه");
        new Select(browser.findElement(By.id("kind"))).selectByValue("COUNTY");
        browser.findElement(By.id("code")).sendKeys("marand");
        browser.findElement(By.id("nameFa")).sendKeys("مرند");
        browser.findElement(By.id("nameEn")).sendKeys("Marand");
        submits(By.id("add-entry"));
        assertThat(recorded()).isEqualTo("ثبت شد.");
        reloadsUntil(() ->
                browser.findElement(By.id("entry-COUNTY-marand")).getText().contains("Marand"));

        // and the same pages in English
        opens(By.id("language-switch"), "Reference data");
        opens(By.id("nav-rules"), "Alert rules and their parameters");
        opens(By.id("nav-staff"), "Users and staff");
        opens(By.id("nav-processors"), "Read models and their processors");
    }

    /** Each person's pages, after the walks above made something to show on each. */
    static final Map<String, List<String>> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put(
                "manager",
                List.of(
                        "/",
                        "/banks",
                        "/quotas",
                        "/approvals",
                        "/alerts?status=closed",
                        "/alerts/heat",
                        "/alerts/r10.page-1",
                        "/cases?nationalId=0499370899",
                        "/cases/page-1"));
        PAGES.put("auditor", List.of("/cases/audit-1/history", "/audit", "/audit/access-log"));
        PAGES.put(
                "admin",
                List.of(
                        "/admin/processors",
                        "/admin/staff",
                        "/admin/alert-rules",
                        "/admin/planning",
                        "/admin/reference-data"));
    }

    @Test
    @Order(4)
    void every_page_meets_wcag_2_1_aa_in_both_languages_and_fits_a_360_pixel_phone() throws Exception {
        Path screenshots = Path.of("target", "screenshots");
        Files.createDirectories(screenshots);
        Map<String, List<String>> failures = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> person : PAGES.entrySet()) {
            signsIn(person.getKey(), "/?lang=fa");
            for (String language : List.of("fa", "en")) {
                for (String page : person.getValue()) {
                    browser.manage().window().setSize(new Dimension(1280, 900));
                    browser.get(pagesUrl + page + (page.contains("?") ? "&" : "?") + "lang=" + language);
                    String where = person.getKey() + " " + language + " " + page;
                    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang"))
                            .as(where)
                            .isEqualTo(language);
                    List<String> violations = axeViolations();
                    if (!violations.isEmpty()) {
                        failures.put(where, violations);
                    }
                    String name = page.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
                    Files.write(
                            screenshots.resolve((name.isEmpty() ? "dashboard" : name) + "-" + language + ".png"),
                            ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                    browser.manage().window().setSize(new Dimension(360, 740));
                    Object overflow = ((JavascriptExecutor) browser)
                            .executeScript("return document.documentElement.scrollWidth - window.innerWidth");
                    if (((Number) overflow).longValue() > 0) {
                        // name the outermost elements that stick out, so the failure says where to look
                        Object sticking = ((JavascriptExecutor) browser)
                                .executeScript(
                                        "return Array.from(document.querySelectorAll('body *'))"
                                                + ".filter(e => { const r = e.getBoundingClientRect();"
                                                + " return r.right > window.innerWidth + 1 || r.left < -1; })"
                                                + ".filter(e => !e.closest('.table-responsive') || e.classList.contains('table-responsive'))"
                                                + ".slice(0, 3).map(e => e.tagName + '#' + e.id + '.' + e.className).join(' | ')");
                        failures.put(where + " at 360 px", List.of(overflow + " px wider than the phone: " + sticking));
                    }
                }
            }
        }
        browser.manage().window().setSize(new Dimension(1280, 900));
        assertThat(failures)
                .as("serious or critical axe-core violations, or pages wider than a phone")
                .isEmpty();
    }

    /** axe-core's serious and critical findings against WCAG 2.1 A and AA on the page shown, one line each. */
    @SuppressWarnings("unchecked")
    private static List<String> axeViolations() throws Exception {
        try (var axe = ManagerDashboardInBrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
            assertThat(axe)
                    .as("axe-core, put on the classpath by this module's build")
                    .isNotNull();
            ((JavascriptExecutor) browser).executeScript(new String(axe.readAllBytes(), StandardCharsets.UTF_8));
        }
        return (List<String>) ((JavascriptExecutor) browser)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                        + ".then(result => done(result.violations"
                        + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))"
                        + ".catch(error => done(['axe failed: ' + error]));");
    }

    @Test
    @Order(5)
    void hostile_values_at_every_page_and_form_get_a_clear_answer_never_a_server_error() throws Exception {
        String longText = "ی".repeat(20_000);
        List<String> reads = List.of(
                "/?year=abc&toMonth=-1",
                "/?year=99999999999&toMonth=13",
                "/banks?toMonth=%00",
                "/quotas?year=-1404",
                "/approvals?year=1404.5",
                "/alerts?status=%3Cscript%3E&severity=LOUD&sort=%27%3Bdrop&page=-5&rule=R99",
                "/alerts?page=abc&county=..%2F..%2F&bank=" + URLEncoder.encode(longText, StandardCharsets.UTF_8),
                "/alerts/heat?severity=%E2%80%AE",
                "/alerts/%3Cimg%20src%3Dx%3E",
                "/alerts/r10.page-1%00",
                "/cases?nationalId=%27%20OR%201%3D1&name=%25%25&page=-1",
                "/cases?status=NOPE",
                "/cases/no-such-case",
                "/cases/page-1?at=yesterday-ish&axis=sideways",
                "/cases/page-1?at=9999-99-99",
                "/cases/page-1/history?page=-3",
                "/exports/nope.csv",
                "/exports/banks.pdf",
                "/exports/alerts.xlsx?status=bogus",
                "/exports/dashboard.csv?year=abc&toMonth=zz",
                "/meeting-pack.pdf?year=abc&toMonth=99",
                "/audit/verifications/none",
                "/admin/processors",
                "/admin/planning?year=x");
        signsIn("manager", "/alerts?lang=en");
        String csrf = csrfToken();
        // the requests below are the signed-in manager's, not an anonymous visitor's sent to sign in
        HttpResponse<String> inbox = asSignedIn(
                HttpRequest.newBuilder(URI.create(pagesUrl + "/alerts")).GET());
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).contains("id=\"alert-table\"");
        for (String read : reads) {
            HttpResponse<String> answer = asSignedIn(
                    HttpRequest.newBuilder(URI.create(pagesUrl + read)).GET());
            assertThat(answer.statusCode()).as(read).isBetween(200, 499);
            assertThat(answer.body()).as(read).doesNotContain("Whitelabel", "Exception", "at org.");
        }
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put("/alerts/r10.page-1/assignment", "inspector=" + "x".repeat(5000) + "&visitDueOn=1404%2F99%2F99");
        forms.put("/alerts/r10.page-1/notes", "noteId=&note=" + URLEncoder.encode(longText, StandardCharsets.UTF_8));
        forms.put("/alerts/%3Cscript%3E/resolution", "resolution=MAYBE&reason=");
        forms.put("/alerts/r10.page-1/escalation", "escalateTo=%00&reason=%E2%80%AE");
        forms.put(
                "/alerts/acknowledgements",
                "alertId=" + String.join("&alertId=", java.util.Collections.nCopies(50, "..%2F"))
                        + "&back=https%3A%2F%2Fevil.example");
        forms.put("/alerts/assignments", "alertId=r10.page-1&inspector=inspector-tabriz&visitDueOn=tomorrow");
        forms.put("/cases/no-such-case/verification", "");
        forms.put("/admin/staff", "staffId=%3Cb%3E&displayName=&role=emperor");
        forms.put("/admin/planning/quotas", "year=abc&billionTomans=1e99");
        for (Map.Entry<String, String> form : forms.entrySet()) {
            HttpResponse<String> answer = asSignedIn(HttpRequest.newBuilder(URI.create(pagesUrl + form.getKey()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.getValue() + "&_csrf=" + csrf)));
            assertThat(answer.statusCode()).as(form.getKey()).isBetween(200, 499);
            assertThat(answer.headers().firstValue("Location").orElse(""))
                    .as(form.getKey() + " goes nowhere outside Rasad, and was the manager's")
                    .doesNotContain("evil.example", "/oauth2/authorization", "/login");
            assertThat(answer.body()).as(form.getKey()).doesNotContain("Whitelabel", "Exception", "at org.");
        }
        // and a form without its CSRF token is refused outright
        HttpResponse<String> forged =
                asSignedIn(HttpRequest.newBuilder(URI.create(pagesUrl + "/alerts/r10.page-1/notes"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("noteId=n-forged&note=forged")));
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    private static String csrfToken() {
        java.util.regex.Matcher token = java.util.regex.Pattern.compile(
                        "name=\"_csrf\" value=\"([^\"]+)\"|value=\"([^\"]+)\" name=\"_csrf\"")
                .matcher(browser.getPageSource());
        assertThat(token.find()).as("a form of the page carries its CSRF token").isTrue();
        return token.group(1) != null ? token.group(1) : token.group(2);
    }

    /** A request in the browser's session, as a script or a forged page would send it, without following redirects. */
    private static HttpResponse<String> asSignedIn(HttpRequest.Builder request) throws Exception {
        String cookies = browser.manage().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
        return HttpClient.newHttpClient()
                .send(
                        request.header("Cookie", cookies).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Reloads the page until it shows what was recorded: the query side projects it a moment later. */
    private static void reloadsUntil(java.util.concurrent.Callable<Boolean> shown) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> {
                    browser.navigate().refresh();
                    return shown.call();
                });
    }

    /** Starts a fresh session at a page, which sends the person to the provider's sign-in first. */
    private static void signsIn(String user, String page) {
        // the pages and the provider share the host 127.0.0.1, so this leaves no session of either
        browser.get(pagesUrl + "/actuator/health");
        browser.manage().deleteAllCookies();
        browser.get(pagesUrl + page);
        assertThat(browser.getCurrentUrl()).contains("/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> browser.getCurrentUrl().startsWith(pagesUrl));
    }

    /** What a download link of the page gives, fetched in the signed-in person's session as the browser would. */
    private static byte[] downloads(By link) throws Exception {
        String href = browser.findElement(link).getAttribute("href");
        String cookies = browser.manage().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
        HttpResponse<byte[]> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", cookies)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).as(href).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(disposition -> assertThat(disposition).startsWith("attachment"));
        return answer.body();
    }

    /** Clicks a form's button and waits until the browser has left the page it was on. */
    private static void submits(By button) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(button).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try {
                page.isDisplayed();
                return false;
            } catch (StaleElementReferenceException left) {
                return true;
            }
        });
    }

    /** What a form's answer says: recorded, or the refusal that came back instead (so a failure says why). */
    private static String recorded() {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(browser.findElements(By.cssSelector("#recorded, #refusal")))
                        .as(() -> browser.findElement(By.tagName("body")).getText())
                        .isNotEmpty());
        return browser.findElement(By.cssSelector("#recorded, #refusal")).getText();
    }

    /** Clicks a link and waits until the page it loads has the heading expected. */
    private static void opens(By link, String heading) {
        browser.findElement(link).click();
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .untilAsserted(
                        () -> assertThat(browser.findElement(By.tagName("h1")).getText())
                                .isEqualTo(heading));
    }

    private static Process process(String module, Map<String, String> environment, String... arguments)
            throws Exception {
        Path jar = Path.of("..", module, "target", module + "-exec.jar").toAbsolutePath();
        assertThat(jar).as("built by the " + module + " module's package phase").exists();
        List<String> command = new ArrayList<>(
                List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m", "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(module + ".log").toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static void awaitReady(String base) {
        await().atMost(Duration.ofSeconds(90))
                .ignoreExceptions()
                .until(() -> HttpClient.newHttpClient()
                                .send(
                                        HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200);
    }
}
