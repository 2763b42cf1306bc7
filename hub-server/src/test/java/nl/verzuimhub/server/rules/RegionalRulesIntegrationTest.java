package nl.verzuimhub.server.rules;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import nl.verzuimhub.core.identity.PupilIdentifier;
import nl.verzuimhub.core.port.RegisterPageStore;
import nl.verzuimhub.core.record.AbsenceReport;
import nl.verzuimhub.core.record.AbsenceType;
import nl.verzuimhub.core.record.Enrolment;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.core.record.MutationAction;
import nl.verzuimhub.core.record.Period;
import nl.verzuimhub.core.record.Pupil;
import nl.verzuimhub.core.record.RegisterPage;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.record.ReportStatus;
import nl.verzuimhub.core.record.Reporter;
import nl.verzuimhub.core.record.SickReport;
import nl.verzuimhub.server.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The regional school calendar in the running hub (real PostgreSQL, real tokens; WireMock plays an idle register and
 * the records are stored through the hub's own ingest):
 * <ul>
 *   <li>the same sick report, spanning the autumn holiday of 2024, reaches the youth doctor for a pupil living in a
 *       zuid municipality (7 school days) and not for one living in Amsterdam, noord (5 school days); on Monday to
 *       Friday both would have gone;</li>
 *   <li>V3 reports whose hours and period cannot add up are stored and delivered as always and flagged for
 *       operators at {@code /api/v1/plausibility-flags}.</li>
 * </ul>
 * Uithoorn (0451) lies in the youth doctor's GGD region; this test configures it as zuid to have two regions there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@DirtiesContext
class RegionalRulesIntegrationTest {
    static final WireMockServer register = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final Enrolment SCHOOL = new Enrolment("12AB", "00", "VO", "VO2701", 2);
    static final Reporter REPORTER = new Reporter("J. Tester", "Verzuimcoordinator", "020-5550101",
            "verzuim@school.example");

    @LocalServerPort
    int port;
    @Autowired
    RegisterPageStore store;

    @BeforeAll
    static void startRegister() {
        register.start();
        register.stubFor(get(urlPathEqualTo("/v1/mutaties")).willReturn(aResponse().withStatus(204)));
    }

    @AfterAll
    static void stopRegister() {
        register.stop();
    }

    @DynamicPropertySource
    static void hubSettings(DynamicPropertyRegistry properties) {
        properties.add("hub.register.base-url", register::baseUrl);
        properties.add("hub.embedded-postgres.data-dir", () -> "");
        properties.add("hub.calendar.holiday-regions.0451", () -> "zuid");
    }

    @Test
    void sickReportsAreJudgedOnTheSchoolDaysOfThePupilsRegionAndImplausibleReportsAreFlaggedNotDropped() {
        Pupil amsterdam = pupil("100000010", "0363");
        Pupil uithoorn = pupil("100000022", "0451");
        store(List.of(
                sick("ZM-F-1", amsterdam, "2024-10-23", "2024-11-05"),
                sick("ZM-F-2", uithoorn, "2024-10-23", "2024-11-05"),
                v3("VM-F-1", amsterdam, "2024-09-03", "2024-09-27", "17"),
                v3("VM-F-2", amsterdam, "2024-09-03", "2024-09-27", "12"),
                v3("VM-F-3", uithoorn, "2024-09-02", "2024-10-25", "20")));
        ApiClient hub = new ApiClient(port);

        assertThat(hub.feed("jgz-ggd-amsterdam", 0).items()).extracting(i -> i.get("id"))
                .as("noord: 23-25 Oct and 4-5 Nov are 5 school days; zuid: 28 Oct - 5 Nov are 7")
                .containsExactly("ZM-F-2");
        assertThat(hub.feed("leerplicht-0363", 0).items()).extracting(i -> i.get("id"))
                .as("flagged reports are delivered like any other").contains("VM-F-1", "VM-F-2");

        String operator = hub.token("hub-operator");
        ApiClient.Response flags = hub.get("/api/v1/plausibility-flags", operator);
        assertThat(flags.status()).isEqualTo(200);
        assertThat(flags.items()).extracting(f -> f.get("recordId"), f -> f.get("problem")).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("VM-F-2", "HOURS_BELOW_THRESHOLD"),
                org.assertj.core.groups.Tuple.tuple("VM-F-3", "PERIOD_LONGER_THAN_FOUR_SCHOOL_WEEKS"));
        assertThat(flags.body()).doesNotContain("100000010", "100000022");
        assertThat(hub.get("/api/v1/plausibility-flags?recordId=VM-F-3", operator).items())
                .extracting(f -> f.get("detail")).singleElement().asString()
                .contains("35 school days"); // 2 Sep - 25 Oct: 40 weekdays, zuid's autumn week off

        ApiClient.Response badLimit = hub.get("/api/v1/plausibility-flags?limit=0", operator);
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.contentType()).startsWith("application/problem+json");
        assertThat(badLimit.json()).containsEntry("detail", "limit must be between 1 and 1000, was 0");
        assertThat(hub.get("/api/v1/plausibility-flags", hub.token("leerplicht-0363")).status()).isEqualTo(403);
    }

    private void store(List<RegisterRecord> records) {
        long from = store.nextSequence();
        List<Mutation> mutations = new ArrayList<>();
        for (RegisterRecord record : records) {
            mutations.add(new Mutation(from + mutations.size(), MutationAction.NIEUW, record.lastChanged(), record));
        }
        store.store(new RegisterPage(from, mutations, from + mutations.size(), false));
    }

    private static Pupil pupil(String bsn, String municipality) {
        return new Pupil(PupilIdentifier.bsn(bsn), LocalDate.parse("2011-03-14"), municipality, "1012AB");
    }

    private static SickReport sick(String id, Pupil pupil, String start, String end) {
        return new SickReport(id, 1, pupil, SCHOOL, new Period(LocalDate.parse(start), LocalDate.parse(end)),
                changed(end));
    }

    private static AbsenceReport v3(String id, Pupil pupil, String start, String end, String hours) {
        return new AbsenceReport(id, 1, pupil, SCHOOL, AbsenceType.V3,
                new Period(LocalDate.parse(start), LocalDate.parse(end)), new BigDecimal(hours), null, false, null,
                null, false, REPORTER, ReportStatus.GEREGISTREERD, null, LocalDate.parse(end), changed(end));
    }

    private static OffsetDateTime changed(String date) {
        return OffsetDateTime.parse(date + "T09:00:00+01:00");
    }

}
