package nl.verzuimhub.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.verzuimhub.core.identity.PupilIdentifier;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.dpia.SubjectHasher;
import nl.verzuimhub.server.dashboard.login.Base32;
import nl.verzuimhub.server.dashboard.login.Totp;
import nl.verzuimhub.simulator.SyntheticRegion;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard end to end in headless Chromium: the real login (username, password and a TOTP code computed from
 * the demo secret) through the hub's own authorization server with PKCE, a BSN search with its audit entry, the
 * per-subject view, an export with its progress page, the subject-access report as HTML in two languages and as a
 * PDF whose text is read back, the processing register, and a 403 for a person without the privacy-officer role.
 *
 * <p>The hub runs the demo setup on a small synthetic region; recipients fetch their feeds over HTTP first, so the
 * log holds real disclosures. The browser uses 127.0.0.1: the authorization server accepts loopback redirects by
 * IP on any port (RFC 8252) and refuses "localhost".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.embedded-postgres.data-dir=", "hub.register.poll-interval=200ms", "hub.simulator.seed=11",
        "hub.simulator.pupils=400"})
@ActiveProfiles("demo")
class DashboardBrowserTest {
    static final String FG_SECRET = "KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD";
    static final String OPERATOR_SECRET = "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SubjectHasher hasher;

    final HttpClient http = HttpClient.newHttpClient();
    ChromeDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
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
    void aPrivacyOfficerLogsInWithTotpSearchesByBsnExportsAndProducesTheReports() throws Exception {
        String bsn = aBsnDisclosedTo("leerplicht-0363");
        String subjectHash = hasher.hash(bsn);

        logIn("fg-demo", "fg-demo-password", FG_SECRET);
        assertThat(browser.getCurrentUrl()).isEqualTo(base() + "/dashboard");
        assertThat(text("#user")).isEqualTo("fg-demo");
        assertThat(browser.findElement(By.id("chain-status")).getAttribute("class")).isEqualTo("ok");
        assertThat(browser.findElements(By.cssSelector("#volumes polyline[data-recipient='leerplicht-0363']"))).hasSize(1);

        // A BSN that fails the eleven-test is refused on the page and nothing is searched.
        long searchesBefore = dashboardEntries("SEARCH");
        browser.findElement(By.id("bsn")).sendKeys("123456789");
        clickAndAwaitNextPage(By.id("search"));
        assertThat(text("#search-error")).contains("elfproef");
        assertThat(dashboardEntries("SEARCH")).isEqualTo(searchesBefore);

        // The per-subject view: every event of this pupil in time order, with organisation, role, data and basis.
        browser.findElement(By.id("bsn")).sendKeys(bsn);
        clickAndAwaitNextPage(By.id("search"));
        assertThat(browser.findElement(By.tagName("h2")).getText()).contains("NEN 7513");
        List<String> organisations = texts("#results tr.entry td.organisation");
        assertThat(organisations).contains("0363");
        // the subject's own entries plus, per served feed page, each of its items there (one row each)
        long subjectEntries = jdbc.queryForObject("select (select count(*) from audit_entry where subject_hash = ?)"
                + " + (select count(*) from audit_entry e cross join unnest(e.item_subjects) as s(subject)"
                + " where e.item_subjects @> array[?]::text[] and s.subject = ?)", Long.class,
                subjectHash, subjectHash, subjectHash);
        assertThat(Long.parseLong(text("#result-count"))).isEqualTo(subjectEntries);
        assertThat(texts("#results tr.entry td.action")).contains("DISCLOSE", "SEARCH");
        Map<String, Object> search = jdbc.queryForMap("select * from audit_entry where action = 'SEARCH' and channel ="
                + " 'DASHBOARD' order by id desc limit 1");
        assertThat(search.get("subject_hash")).isEqualTo(subjectHash);
        assertThat((String) search.get("reason")).startsWith("user=fg-demo;");
        assertThat(search.get("acting_user")).isEqualTo("fg-demo");
        assertThat(search.get("processing_activity")).isNotNull();
        assertThat(search.get("role")).isEqualTo("PRIVACY_OFFICER");

        // Export of the subject's entries as CSV: audited first, followed on the progress page, then downloaded.
        clickAndAwaitNextPage(By.id("export-csv"));
        // The progress page reloads itself every second while the job runs: an element may go stale mid-read.
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> text("#export-state").equals("DONE"));
        assertThat(text("#export-percent")).isEqualTo("100");
        String exportUrl = browser.findElement(By.id("export-download")).getAttribute("href");
        String csv = get(exportUrl).body();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("id,occurred_at,action,outcome,channel,recipient_id");
        assertThat(lines).hasSize(1 + Integer.parseInt(text("#export-total")));
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line).contains(subjectHash));
        String exportId = exportUrl.replaceAll(".*/exports/([^/]+)/file", "$1");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'EXPORT' and reason like ?",
                Long.class, "%job=" + exportId)).isEqualTo(1);
        Map<String, Object> progress = JSON.readValue(get(base() + "/dashboard/exports/" + exportId + "/progress").body(),
                Map.class);
        assertThat(progress).containsEntry("state", "DONE").containsEntry("percent", 100);

        // Search by recipient and purpose without a BSN.
        browser.get(base() + "/dashboard");
        new Select(browser.findElement(By.id("recipient"))).selectByValue("jgz-ggd-amsterdam");
        new Select(browser.findElement(By.id("purpose"))).selectByValue("jeugdgezondheidszorg");
        clickAndAwaitNextPage(By.id("search"));
        assertThat(texts("#results tr.entry td.recipient")).isNotEmpty().containsOnly("jgz-ggd-amsterdam");

        // Subject access report in Dutch, then English, then as PDF whose text is read back.
        browser.get(base() + "/dashboard/subject-access");
        browser.findElement(By.id("sar-bsn")).sendKeys(bsn);
        clickAndAwaitNextPage(By.id("sar-show"));
        assertThat(browser.findElement(By.cssSelector("#report h1")).getText()).startsWith("Overzicht");
        assertThat(texts("#report .organisation h2")).contains("Gemeente Amsterdam, leerplicht");
        assertThat(browser.findElement(By.id("report")).getText()).contains("Leerplichtwet 1969 art. 21a")
                .contains("Handhaving van de leerplicht").doesNotContain(bsn);
        clickAndAwaitNextPage(By.id("switch-language"));
        assertThat(browser.findElement(By.cssSelector("#report h1")).getText()).startsWith("Overview");
        assertThat(browser.findElement(By.id("report")).getText()).contains("Enforcing compulsory education");
        String csrf = browser.findElement(By.cssSelector("#pdf-form input[name='_csrf']")).getDomProperty("value");
        HttpResponse<byte[]> pdf = postForBytes(base() + "/dashboard/subject-access/pdf",
                Map.of("bsn", bsn, "lang", "nl", "_csrf", csrf));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String pdfText = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(pdfText).contains("Overzicht: wie kreeg welke gegevens over uw kind")
                    .contains("Gemeente Amsterdam, leerplicht").contains("Leerplichtwet 1969 art. 21a")
                    .contains("Handhaving van de leerplicht").doesNotContain(bsn);
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'EXPORT' and subject_hash = ?"
                + " and reason like '%subject-access report pdf%'", Long.class, subjectHash)).isEqualTo(1);

        // The processing register from the live policy set, sick reports marked as special category.
        browser.get(base() + "/dashboard/register");
        assertThat(text("#policy-version")).isEqualTo(nl.verzuimhub.policies.DefaultPolicySet.VERSION);
        assertThat(text("#activity-jeugdgezondheidszorg .special-flag")).startsWith("ja");
        assertThat(text("#activity-passend-onderwijs .special-flag")).isEqualTo("nee");
        assertThat(texts("#versions tr.version")).hasSize(1);
        Map<String, Object> register = JSON.readValue(get(base() + "/dashboard/register.json").body(), Map.class);
        assertThat(register).containsKey("@context").containsEntry("policySetVersion", nl.verzuimhub.policies.DefaultPolicySet.VERSION);
        browser.get(base() + "/dashboard/dpia");
        assertThat(texts("#risks tr.risk")).isNotEmpty();

        // Nothing in the whole log holds the BSN in clear.
        assertThat(jdbc.queryForObject("select count(*) from audit_entry a where a::text like ?", Long.class,
                "%" + bsn + "%")).isZero();
    }

    @Test
    void aPersonWithoutThePrivacyOfficerRoleIsRefusedAndTheRefusalIsLogged() throws Exception {
        logIn("beheer-demo", "beheer-demo-password", OPERATOR_SECRET);
        assertThat(text("#forbidden")).contains("403");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'DENY' and channel = 'DASHBOARD'"
                + " and reason like 'user=beheer-demo;%'", Long.class)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aWrongCodeIsRefusedWithoutSayingWhichFactorWasWrong() throws Exception {
        browser.get("http://localhost:" + port + "/dashboard"); // sent on to 127.0.0.1, the host the login accepts
        assertThat(browser.getCurrentUrl()).isEqualTo(base() + "/login");
        browser.findElement(By.id("username")).sendKeys("fg-demo");
        browser.findElement(By.id("password")).sendKeys("fg-demo-password");
        String wrong = Totp.code(Base32.decode(FG_SECRET), Instant.now().plusSeconds(300));
        browser.findElement(By.id("code")).sendKeys(wrong);
        clickAndAwaitNextPage(By.id("login"));
        awaitUrl(url -> url.equals(base() + "/login?error"));
        assertThat(text("#login-error")).contains("wachtwoord of code");
        browser.get(base() + "/dashboard");
        assertThat(browser.getCurrentUrl()).isEqualTo(base() + "/login");
    }

    @Test
    void theDashboardClientMustUsePkce() {
        HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String authorize = base() + "/oauth2/authorize?response_type=code&client_id=verzuimhub-dashboard&scope=dashboard"
                + "&state=s1&redirect_uri=" + URLEncoder.encode(base() + "/login/oauth2/code/verzuimhub-dashboard",
                StandardCharsets.UTF_8);
        HttpResponse<String> withoutChallenge = sendWith(noRedirects, authorize);
        assertThat(withoutChallenge.statusCode()).isEqualTo(302);
        assertThat(withoutChallenge.headers().firstValue("Location").orElseThrow())
                .contains("error=invalid_request").contains("code_challenge");
        HttpResponse<String> withChallenge = sendWith(noRedirects, authorize
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256");
        assertThat(withChallenge.statusCode()).isEqualTo(302);
        assertThat(withChallenge.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    private HttpResponse<String> sendWith(HttpClient client, String url) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void logIn(String username, String password, String secret) {
        Browser.logIn(browser, base(), "/dashboard", username, password, secret);
    }

    private void clickAndAwaitNextPage(By target) {
        Browser.clickAndAwaitNextPage(browser, target);
    }

    private void awaitUrl(java.util.function.Predicate<String> arrived) {
        Browser.awaitUrl(browser, arrived);
    }

    /** A BSN from the synthetic region whose records were disclosed to {@code clientId} (feeds fetched first). */
    private String aBsnDisclosedTo(String clientId) {
        List<Mutation> published = SyntheticRegion.generate(11, 400).mutations();
        long last = published.get(published.size() - 1).sequence();
        nl.verzuimhub.server.Eventually.await("the synthetic region is ingested", Duration.ofSeconds(90),
                () -> jdbc.queryForObject("select next_sequence from register_cursor", Long.class) == last + 1);
        for (String client : List.of("leerplicht-0363", "swv-vo2701", "jgz-ggd-amsterdam")) {
            get(base() + "/api/v1/feed?after=0&limit=1000", token(client));
        }
        Set<String> disclosed = Set.copyOf(jdbc.queryForList("select subject_hash from audit_entry where"
                + " action = 'DISCLOSE' and recipient_id = ? and subject_hash is not null union select i.subject"
                + " from audit_entry e cross join unnest(e.item_subjects, e.item_actions) as i(subject, action)"
                + " where i.action = 'DISCLOSE' and e.recipient_id = ?", String.class, clientId, clientId));
        return published.stream().map(m -> m.record().pupil().identifier())
                .filter(id -> id.type() == PupilIdentifier.Type.BSN).map(PupilIdentifier::value)
                .filter(value -> disclosed.contains(hasher.hash(value))).findFirst()
                .orElseThrow(() -> new AssertionError("no BSN was disclosed to " + clientId));
    }

    private long dashboardEntries(String action) {
        return jdbc.queryForObject("select count(*) from audit_entry where channel = 'DASHBOARD' and action = ?",
                Long.class, action);
    }

    private String text(String css) {
        return Browser.text(browser, css);
    }

    private List<String> texts(String css) {
        return Browser.texts(browser, css);
    }

    private String cookie() {
        return browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    private HttpResponse<String> get(String url) {
        return get(url, null);
    }

    private HttpResponse<String> get(String url, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        } else {
            request.header("Cookie", cookie());
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> postForBytes(String url, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String token(String clientId) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientId + "-secret")
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        return (String) JSON.readValue(response.body(), Map.class).get("access_token");
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
