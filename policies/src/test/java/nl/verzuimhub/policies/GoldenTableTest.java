package nl.verzuimhub.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.verzuimhub.core.disclosure.DataField;
import nl.verzuimhub.core.identity.PupilIdentifier;
import nl.verzuimhub.core.record.AbsenceType;
import nl.verzuimhub.core.record.Period;
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.recipient.Organisation;
import nl.verzuimhub.core.recipient.OrganisationType;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.core.recipient.RecipientRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden suite: every row of {@code golden-decisions.csv} (role x purpose x record kind x in/out of scope, plus
 * the conditions) against the default policy set: the exact decision and the exact set of disclosed fields. The
 * table is written from the domain brief; nothing in it comes from the engine.
 */
class GoldenTableTest {
    static final RegionDirectory REGIONS = new RegionDirectory(
            Map.of("ggd-amsterdam-amstelland", Set.of("0358", "0362", "0363", "0384", "0437", "0451")),
            Map.of("rmc-amsterdam", Set.of("0362", "0363")), Set.of());
    static final Map<RecipientRole, Organisation> ORGANISATIONS = Map.of(
            RecipientRole.ATTENDANCE_OFFICER, new Organisation(OrganisationType.MUNICIPALITY, "0363", "Amsterdam"),
            RecipientRole.RMC, new Organisation(OrganisationType.RMC_REGION, "rmc-amsterdam", "RMC Amsterdam"),
            RecipientRole.PARTNERSHIP, new Organisation(OrganisationType.PARTNERSHIP, "VO2701", "SWV VO2701"),
            RecipientRole.YOUTH_DOCTOR, new Organisation(OrganisationType.GGD_REGION, "ggd-amsterdam-amstelland", "GGD"),
            RecipientRole.PRIVACY_OFFICER, new Organisation(OrganisationType.OTHER, "verzuimhub-fg", "FG"),
            RecipientRole.STATISTICS, new Organisation(OrganisationType.OTHER, "cbs", "Statistiek"),
            RecipientRole.OPERATOR, new Organisation(OrganisationType.OTHER, "verzuimhub-beheer", "Beheer"));
    static final PupilIdentifier ONDERWIJSNUMMER = PupilIdentifier.onderwijsnummer("101222331");

    static Stream<Arguments> rows() throws IOException {
        try (InputStream in = GoldenTableTest.class.getResourceAsStream("/golden-decisions.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("role,"))
                    .map(line -> line.split(",", -1)).map(cells -> Arguments.of((Object[]) cells)).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} ({3}) -> {8}")
    @MethodSource("rows")
    void decidesExactlyAsTheTableSays(String role, String purpose, String kind, String scopeCase, String municipality,
                                      String partnership, String variant, String switches, String expected,
                                      String fields) {
        PolicyEngine engine = new PolicyEngine(DefaultPolicySet.policySet(), REGIONS, new Pseudonymiser(new byte[32]),
                switches.isEmpty() ? Set.of() : Set.of(switches.split(" ")));
        RecipientRole recipientRole = RecipientRole.valueOf(role);
        Recipient recipient = new Recipient("golden-" + role.toLowerCase(), ORGANISATIONS.get(recipientRole),
                recipientRole, List.of(purpose));
        RegisterRecord record = record(RecordKind.valueOf(kind), municipality, partnership, variant);

        Decision decision = engine.decide(record, recipient, purpose, facts(variant));

        if (expected.equals("PERMIT")) {
            assertThat(decision).isInstanceOf(Permit.class);
            Set<String> disclosed = ((Permit) decision).view().fields().stream().map(DataField::jsonName)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(disclosed).isEqualTo(new TreeSet<>(Arrays.asList(fields.split(" "))));
        } else {
            assertThat(decision).isInstanceOf(Deny.class);
            assertThat("DENY " + ((Deny) decision).reason()).isEqualTo(expected);
            assertThat(fields).isEmpty();
        }
    }

    private static RegisterRecord record(RecordKind kind, String municipality, String partnership, String variant) {
        switch (variant) {
            case "V3":
                return Records.absenceReport(municipality, partnership);
            case "V3-onderwijsnummer":
                return Records.absenceReport(Records.pupil(ONDERWIJSNUMMER, "2011-03-14", municipality), partnership,
                        AbsenceType.V3);
            case "V4-19":
                return Records.absenceReport(Records.pupil(PupilIdentifier.bsn(Records.BSN), "2005-03-14", municipality),
                        partnership, AbsenceType.V4);
            case "RMC-19":
                return Records.absenceReport(Records.pupil(PupilIdentifier.bsn(Records.BSN), "2005-03-14", municipality),
                        partnership, AbsenceType.RMC);
            case "V4-24":
                return Records.absenceReport(Records.pupil(PupilIdentifier.bsn(Records.BSN), "2000-03-14", municipality),
                        partnership, AbsenceType.V4);
            case "5a":
                return Records.exemption(municipality, partnership);
            case "long":
                return Records.sickReport(municipality, partnership);
            case "short":
            case "short+3":
                return Records.sickReport(municipality, partnership, "2024-09-23", "2024-09-24");
            case "enrolled":
                return Records.absoluteAbsence(municipality, partnership);
            case "unenrolled":
                return Records.absoluteAbsence(municipality, null);
            default:
                throw new IllegalArgumentException("unknown variant " + variant + " for " + kind);
        }
    }

    /** "short+3": three earlier sick reports within the 12 school weeks before this one. */
    private static DecisionFacts facts(String variant) {
        if (!variant.equals("short+3")) {
            return DecisionFacts.NONE;
        }
        List<Period> earlier = List.of(new Period(LocalDate.parse("2024-08-26"), LocalDate.parse("2024-08-27")),
                new Period(LocalDate.parse("2024-09-02"), LocalDate.parse("2024-09-02")),
                new Period(LocalDate.parse("2024-09-10"), LocalDate.parse("2024-09-11")));
        return record -> earlier;
    }
}
