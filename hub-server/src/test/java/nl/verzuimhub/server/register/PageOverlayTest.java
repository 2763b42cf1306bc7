package nl.verzuimhub.server.register;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A register page is decided in memory and written at its end ({@link PageState}); these are the cases where a
 * mutation must see what earlier mutations of the same page changed, as it did when each mutation was written on its
 * own: a second version of a record, a withdrawal of a record first stored in the page, a pupil moving twice, and a
 * sick report counting the page's earlier sick reports for the M@ZL criterion. Each test uses its own pupils and
 * records; pages are stored through the hub's ingest (WireMock plays an idle register).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@DirtiesContext
class PageOverlayTest {
    static final WireMockServer register = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final Enrolment AMSTERDAM_SCHOOL = new Enrolment("12AB", "00", "VO", "VO2701", 2);
    static final Enrolment ZAANSTAD_SCHOOL = new Enrolment("34CD", "00", "PO", "PO2801", 6);
    static final Enrolment PRIMARY_SCHOOL = new Enrolment("78GH", null, "PO", "PO2701", null);
    static final Reporter REPORTER = new Reporter("J. Tester", "Verzuimcoordinator", "020-5550101",
            "verzuim@school.example");
    static final Path PUSH_DIRECTORY;

    static {
        try {
            PUSH_DIRECTORY = Files.createTempDirectory("page-overlay-push");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    RegisterPageStore store;
    @Autowired
    JdbcTemplate jdbc;

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
        properties.add("hub.recipients.leerplicht-0363.push.connector", () -> "file");
        properties.add("hub.recipients.leerplicht-0363.push.directory", PUSH_DIRECTORY::toString);
        properties.add("hub.recipients.leerplicht-0363.push.format", () -> "xml");
        String prefix = "hub.recipients.leerplicht-0479.";
        properties.add(prefix + "organisation.type", () -> "MUNICIPALITY");
        properties.add(prefix + "organisation.code", () -> "0479");
        properties.add(prefix + "organisation.name", () -> "leerplicht-0479");
        properties.add(prefix + "role", () -> "ATTENDANCE_OFFICER");
        properties.add(prefix + "purposes[0]", () -> "leerplicht");
        properties.add(prefix + "secret", () -> "leerplicht-0479-secret");
    }

    @Test
    void aSecondVersionInThePageSeesTheFirstAndALowerOneAfterItIsSkipped() {
        Pupil amsterdam = pupil("100000101", "0363");
        Pupil zaanstad = pupil("100000101", "0479");
        RegisterPage page = page(
                nieuw(report("VM-O-1", 1, amsterdam, AMSTERDAM_SCHOOL)),
                changed(report("VM-O-1", 3, zaanstad, ZAANSTAD_SCHOOL)),
                changed(report("VM-O-1", 2, amsterdam, AMSTERDAM_SCHOOL)));

        assertThat(store.store(page)).as("version 2 comes after 3 in the page: skipped").isEqualTo(2);

        assertThat(jdbc.queryForMap("select version, municipality from register_record where record_id = 'VM-O-1'"))
                .containsEntry("version", 3).containsEntry("municipality", "0479");
        assertThat(rows("VM-O-1", "leerplicht-0363")).as("version 3 moved the pupil away: version 1 is retracted")
                .containsExactly(tuple(1, "NIEUW", true, false), tuple(3, "INGETROKKEN", false, false));
        assertThat(rows("VM-O-1", "leerplicht-0479")).containsExactly(tuple(3, "GEWIJZIGD", false, true));

        long deliveries = count("select count(*) from delivery");
        assertThat(store.store(page)).as("the same page again changes nothing").isZero();
        assertThat(count("select count(*) from delivery")).isEqualTo(deliveries);
    }

    @Test
    void aWithdrawalInThePageOfTheFirstVersionWithdrawsItsDeliveriesAndQueuesTheRetractionAfterThem() {
        Pupil amsterdam = pupil("100000113", "0363");
        AbsenceReport report = report("VM-O-2", 1, amsterdam, AMSTERDAM_SCHOOL);

        store.store(page(nieuw(report), withdrawn(report("VM-O-2", 2, amsterdam, AMSTERDAM_SCHOOL))));

        for (String recipient : List.of("leerplicht-0363", "swv-vo2701")) {
            assertThat(rows("VM-O-2", recipient)).as(recipient).containsExactly(
                    tuple(1, "NIEUW", true, false), tuple(2, "INGETROKKEN", false, false));
        }
        assertThat(count("""
                select count(*) from outbox_item t join delivery d on d.id = t.delivery_id
                 where d.record_id = 'VM-O-2' and d.action = 'INGETROKKEN'"""))
                .as("the retraction is queued for push with the page").isEqualTo(1);
        assertThat(count("select count(*) from register_record where record_id = 'VM-O-2' and payload is null"
                + " and version = 2")).isEqualTo(1);
    }

    @Test
    void aPupilMovingTwiceInOnePageEndsWithOnlyTheLastScopeHoldingTheRecord() {
        Pupil amsterdam = pupil("100000125", "0363");
        Pupil zaanstad = pupil("100000125", "0479");
        store.store(page(nieuw(report("VM-O-3", 1, amsterdam, AMSTERDAM_SCHOOL))));

        store.store(page(
                changed(report("VM-O-3", 2, zaanstad, ZAANSTAD_SCHOOL)),
                changed(report("VM-O-3", 3, amsterdam, AMSTERDAM_SCHOOL))));

        assertThat(rows("VM-O-3", "leerplicht-0363")).containsExactly(tuple(1, "NIEUW", true, false),
                tuple(2, "INGETROKKEN", false, false), tuple(3, "GEWIJZIGD", false, true));
        assertThat(rows("VM-O-3", "leerplicht-0479")).as("held version 2 until the pupil moved back")
                .containsExactly(tuple(2, "GEWIJZIGD", true, false), tuple(3, "INGETROKKEN", false, false));
        assertThat(rows("VM-O-3", "swv-vo2701")).containsExactly(tuple(1, "NIEUW", true, false),
                tuple(2, "INGETROKKEN", false, false), tuple(3, "GEWIJZIGD", false, true));
    }

    @Test
    void aSickReportCountsTheSickReportsStoredEarlierInThePageAndNotOneWithdrawnInIt() {
        Pupil first = pupil("100000137", "0363");
        store.store(page(
                nieuw(sick("ZM-O-1", first, "2024-09-02", "2024-09-03")),
                nieuw(sick("ZM-O-2", first, "2024-09-09", "2024-09-10")),
                nieuw(sick("ZM-O-3", first, "2024-09-16", "2024-09-17")),
                nieuw(sick("ZM-O-4", first, "2024-09-23", "2024-09-24"))));
        assertThat(count("select count(*) from delivery where recipient_id = 'jgz-ggd-amsterdam'"
                + " and record_id like 'ZM-O-_'")).as("the 4th within 12 school weeks").isEqualTo(1);
        assertThat(count("select count(*) from delivery where recipient_id = 'jgz-ggd-amsterdam'"
                + " and record_id = 'ZM-O-4'")).isEqualTo(1);

        Pupil second = pupil("100000149", "0363");
        store.store(page(
                nieuw(sick("ZM-O-5", second, "2024-09-02", "2024-09-03")),
                nieuw(sick("ZM-O-6", second, "2024-09-09", "2024-09-10")),
                nieuw(sick("ZM-O-7", second, "2024-09-16", "2024-09-17")),
                withdrawn(sick("ZM-O-6", 2, second, "2024-09-09", "2024-09-10")),
                nieuw(sick("ZM-O-8", second, "2024-09-23", "2024-09-24"))));
        assertThat(count("select count(*) from delivery where recipient_id = 'jgz-ggd-amsterdam'"
                + " and record_id in ('ZM-O-5', 'ZM-O-6', 'ZM-O-7', 'ZM-O-8')"))
                .as("only 3 sick reports left within 12 school weeks").isZero();
    }

    // --- helpers ------------------------------------------------------------------------------------------------------

    /** (version, action, withdrawn, has data) of the record's delivery rows to the recipient, in id order. */
    private List<org.assertj.core.groups.Tuple> rows(String recordId, String recipientId) {
        return jdbc.query("""
                select version, action, withdrawn, data is not null from delivery
                 where record_id = ? and recipient_id = ? order by id""",
                (row, n) -> tuple(row.getInt(1), row.getString(2), row.getBoolean(3), row.getBoolean(4)),
                recordId, recipientId);
    }

    private long count(String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }

    private RegisterPage page(Mutation... mutations) {
        long from = store.nextSequence();
        List<Mutation> numbered = new ArrayList<>();
        for (Mutation mutation : mutations) {
            numbered.add(new Mutation(from + numbered.size(), mutation.action(), mutation.occurredAt(),
                    mutation.record()));
        }
        return new RegisterPage(from, numbered, from + numbered.size(), false);
    }

    private static Mutation nieuw(RegisterRecord record) {
        return new Mutation(0, MutationAction.NIEUW, record.lastChanged(), record);
    }

    private static Mutation changed(RegisterRecord record) {
        return new Mutation(0, MutationAction.GEWIJZIGD, record.lastChanged(), record);
    }

    private static Mutation withdrawn(RegisterRecord record) {
        return new Mutation(0, MutationAction.INGETROKKEN, record.lastChanged(), record);
    }

    private static Pupil pupil(String bsn, String municipality) {
        return new Pupil(PupilIdentifier.bsn(bsn), LocalDate.parse("2011-03-14"), municipality, "1012AB");
    }

    private static AbsenceReport report(String id, int version, Pupil pupil, Enrolment school) {
        return new AbsenceReport(id, version, pupil, school, AbsenceType.V3,
                new Period(LocalDate.parse("2024-09-03"), LocalDate.parse("2024-09-27")), new BigDecimal("17"), 6,
                false, null, null, false, REPORTER, ReportStatus.GEREGISTREERD, null, LocalDate.parse("2024-09-27"),
                OffsetDateTime.parse("2024-09-27T09:00:00+02:00").plusDays(version));
    }

    private static SickReport sick(String id, Pupil pupil, String start, String end) {
        return sick(id, 1, pupil, start, end);
    }

    private static SickReport sick(String id, int version, Pupil pupil, String start, String end) {
        return new SickReport(id, version, pupil, PRIMARY_SCHOOL,
                new Period(LocalDate.parse(start), LocalDate.parse(end)),
                OffsetDateTime.parse(end + "T09:00:00+02:00").plusDays(version));
    }
}
