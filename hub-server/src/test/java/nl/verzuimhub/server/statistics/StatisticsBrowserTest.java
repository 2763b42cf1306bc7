package nl.verzuimhub.server.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.rules.Thuiszitter;
import nl.verzuimhub.core.rules.ThuiszitterDefinition;
import nl.verzuimhub.core.rules.ThuiszitterRule;
import nl.verzuimhub.core.statistics.RecordGroups;
import nl.verzuimhub.server.ApiClient;
import nl.verzuimhub.server.dashboard.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The partnership's page and the statistics pages in headless Chromium, after the real login (password and TOTP)
 * through the hub's own authorization server: a partnership's person sees its thuiszitters under the same pseudonym
 * as its feed, each one audited before the page was sent, and its 5 onder a counts; a municipality's person sees
 * its figures unsuppressed as a chart and a table; the statistics recipient's person sees every municipality with
 * small cells withheld; a person of another partnership and a privacy officer are refused, and the refusals logged.
 *
 * <p>Same context as {@link StatisticsApiTest} (same settings), so the region is ingested once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.embedded-postgres.data-dir=", "hub.register.poll-interval=200ms", "hub.simulator.seed=23",
        "hub.simulator.pupils=1500"})
@ActiveProfiles({"demo", "statistics-test"})
class StatisticsBrowserTest {
    static final SimulatedRegion REGION = StatisticsApiTest.REGION;
    static final String SWV_SECRET = "ONSXMLLEMVWW6ZLTMVRXEZLUGAYDAMBR";
    static final String LEERPLICHT_SECRET = "NRSWK4TQNRUWG2DUFVSGK3LPGAYDAMBR";
    static final String OCW_SECRET = "N5RXOLLEMVWW6LLTMVRXEZLUGAYDAMBR";
    static final String OTHER_SWV_SECRET = "ONSXMLLBNZSGK4TFGAYDAMBRGAYDAMBR";
    static final String FG_SECRET = "KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ChromeDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        REGION.awaitIngested(jdbc);
        browser = Browser.start();
    }

    @AfterEach
    void stopBrowser() {
        browser.quit();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPartnershipSeesItsThuiszittersUnderItsFeedPseudonymAndEachIsAuditedBeforeThePageIsSent() {
        List<RegisterRecord> records = REGION.stored.stream().filter(RecordGroups.partnership("VO2701")).toList();
        LocalDate yearEnd = SimulatedRegion.YEAR.lastDay();
        List<Thuiszitter> expected = new ThuiszitterRule(ThuiszitterDefinition.MORE_THAN_THREE_MONTHS)
                .evaluate(records, yearEnd).stream()
                .filter(t -> t.end() == null || !t.end().isBefore(SimulatedRegion.YEAR.firstDay())).toList();
        assertThat(expected).as("the region has thuiszitters in VO2701").isNotEmpty();

        logIn("/dashboard/partnership", "swv-demo", "swv-demo-password", SWV_SECRET);
        awaitUrl(url -> url.startsWith(base() + "/dashboard/partnerships/VO2701"));
        new Select(browser.findElement(By.id("school-year"))).selectByValue("2024-2025");
        clickAndAwaitNextPage(By.id("show"));
        assertThat(text("#table-school-year")).isEqualTo("2024-2025");
        assertThat(text("#user")).isEqualTo("swv-demo");

        List<String> identifiers = texts("#thuiszitter-table tr.thuiszitter td.identifier");
        assertThat(identifiers).hasSize(expected.size());
        assertThat(Integer.parseInt(text("#thuiszitter-count"))).isEqualTo(expected.size());
        assertThat(identifiers).allSatisfy(id -> assertThat(id).matches("[0-9a-f]{32}"));
        assertThat(texts("#thuiszitter-table td.duration")).containsExactlyInAnyOrderElementsOf(
                expected.stream().map(t -> Long.toString(t.durationDays())).toList());
        assertThat(texts("#thuiszitter-table td.school")).allSatisfy(brin -> assertThat(brin).isNotEmpty());
        String page = browser.getPageSource();
        assertThat(REGION.stored.stream().map(r -> r.pupil().identifier().value()))
                .noneMatch(page::contains);

        // Every pupil shown is a disclosure, committed before the page was sent, with the person acting.
        List<Map<String, Object>> entries = jdbc.queryForList("select * from audit_entry where action = 'DISCLOSE'"
                + " and channel = 'DASHBOARD' and recipient_id = 'swv-vo2701' and subject_hash is not null"
                + " and reason like '%schoolYear=2024-2025'");
        assertThat(entries).hasSize(expected.size());
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.get("acting_user")).isEqualTo("swv-demo");
            assertThat(entry.get("purpose_id")).isEqualTo("passend-onderwijs");
            assertThat((String) entry.get("reason")).startsWith("user=swv-demo;");
            assertThat(entry.get("policy_id")).isEqualTo("passend-onderwijs.partnership.school");
        });
        assertThat(entries.stream().map(e -> (String) e.get("record_id")).collect(Collectors.toSet()))
                .isEqualTo(expected.stream().map(t -> t.episode().recordId()).collect(Collectors.toSet()));

        // The same pseudonyms as the partnership's own feed.
        ApiClient api = new ApiClient(port);
        Set<String> feedPseudonyms = api.feed("swv-vo2701", 0).items().stream()
                .map(item -> (Map<String, Object>) item.get("data"))
                .filter(data -> data != null && data.get("pseudonym") != null)
                .map(data -> (String) data.get("pseudonym")).collect(Collectors.toSet());
        assertThat(feedPseudonyms).containsAll(identifiers);

        // 5 onder a per school year and per month, as chart and table.
        assertThat(browser.findElements(By.cssSelector("#chart-5a-years g.bar"))).hasSize(texts("#per-year tr.count").size());
        assertThat(texts("#per-year tr.count td:first-child")).contains("2024-2025");
        assertThat(texts("#per-month tr.count")).hasSize(12);
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
    }

    @Test
    void aMunicipalitySeesItsChartsUnsuppressedAndTheStatisticsRecipientSeesSmallCellsWithheld() {
        Map<String, Long> expected = REGION.expected(RecordGroups.municipality("0363"));

        logIn("/dashboard/statistics", "leerplicht-demo", "leerplicht-demo-password", LEERPLICHT_SECRET);
        awaitUrl(url -> url.startsWith(base() + "/dashboard/statistics/municipalities/0363"));
        new Select(browser.findElement(By.id("school-year"))).selectByValue("2024-2025");
        clickAndAwaitNextPage(By.id("show"));
        assertThat(text("#table-school-year")).isEqualTo("2024-2025");
        expected.forEach((id, value) -> assertThat(text("#indicators tr[data-id='" + id + "'] td.value")).as(id)
                .isEqualTo(value.toString()));
        assertThat(browser.findElements(By.cssSelector("#chart-counts g.bar[data-suppressed='true']"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#chart-counts g.bar"))).hasSizeGreaterThanOrEqualTo(expected.size());
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'DISCLOSE' and channel ="
                + " 'DASHBOARD' and acting_user = 'leerplicht-demo' and record_id = 'municipality=0363;schoolYear=2024-2025'",
                Long.class)).isEqualTo(1);
        clickAndAwaitNextPage(By.id("logout"));

        browser.manage().deleteAllCookies();
        logIn("/dashboard/statistics", "ocw-demo", "ocw-demo-password", OCW_SECRET);
        awaitUrl(url -> url.startsWith(base() + "/dashboard/statistics/municipalities"));
        new Select(browser.findElement(By.id("school-year"))).selectByValue("2024-2025");
        clickAndAwaitNextPage(By.id("show"));
        expected.forEach((id, value) -> {
            String css = "#municipalities tr[data-code='0363'] td[data-id='" + id + "']";
            assertThat(text(css)).as(id).isEqualTo(value < 5 ? "< 5" : value.toString());
            assertThat(browser.findElement(By.cssSelector(css)).getAttribute("data-suppressed"))
                    .isEqualTo(Boolean.toString(value < 5));
        });
        assertThat(browser.findElements(By.cssSelector("#chart-thuiszitters g.bar")))
                .hasSize(texts("#municipalities tr.municipality").size());
        assertThat(text("#suppression")).contains("onderdrukt");
    }

    @Test
    void anotherPartnershipAndAPrivacyOfficerAreRefusedAndTheRefusalsLogged() {
        logIn("/dashboard/partnership", "swv-andere", "swv-andere-password", OTHER_SWV_SECRET);
        awaitUrl(url -> url.startsWith(base() + "/dashboard/partnerships/VO2702"));
        browser.get(base() + "/dashboard/partnerships/VO2701?schoolYear=2024-2025");
        assertThat(text("#forbidden")).contains("403");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'DENY' and channel = 'DASHBOARD'"
                + " and reason like 'user=swv-andere;%VO2701%'", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'DISCLOSE' and"
                + " acting_user = 'swv-andere' and subject_hash is not null and reason like '%VO2701%'", Long.class)).isZero();

        browser.manage().deleteAllCookies();
        logIn("/dashboard", "fg-demo", "fg-demo-password", FG_SECRET);
        awaitUrl(url -> url.equals(base() + "/dashboard"));
        browser.get(base() + "/dashboard/partnerships/VO2701");
        assertThat(text("#forbidden")).contains("403");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'DENY' and channel = 'DASHBOARD'"
                + " and reason like 'user=fg-demo;%VO2701%'", Long.class)).isEqualTo(1);
    }

    private void logIn(String start, String username, String password, String secret) {
        Browser.logIn(browser, base(), start, username, password, secret);
    }

    private void clickAndAwaitNextPage(By target) {
        Browser.clickAndAwaitNextPage(browser, target);
    }

    private void awaitUrl(java.util.function.Predicate<String> arrived) {
        Browser.awaitUrl(browser, arrived);
    }

    private String text(String css) {
        return Browser.text(browser, css);
    }

    private List<String> texts(String css) {
        return Browser.texts(browser, css);
    }
}
