package nl.verzuimhub.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.verzuimhub.core.calendar.MunicipalityRegions;
import nl.verzuimhub.core.record.Period;
import nl.verzuimhub.core.record.RegisterRecord;
import org.junit.jupiter.api.Test;

/**
 * The engine's M@ZL condition asks {@link DecisionFacts#calendar(RegisterRecord)} per record: with hub-core's
 * regional calendars a sick report spanning the 2024 autumn holiday reaches the youth doctor for a pupil in a zuid
 * municipality and not for one in a noord municipality; the explanation agrees with the decision.
 */
class RegionalMazlTest {
    final PolicyEngine engine = new PolicyEngine(DefaultPolicySet.policySet(),
            new RegionDirectory(Map.of("ggd-amsterdam-amstelland", Set.of("0358", "0362", "0363", "0384", "0437", "0451"))),
            new Pseudonymiser(new byte[32]));
    final MunicipalityRegions regions = MunicipalityRegions.defaultsWith(Map.of("0451", "zuid"));
    final DecisionFacts regional = new DecisionFacts() {
        @Override
        public List<Period> otherSickReports(RegisterRecord record) {
            return List.of();
        }

        @Override
        public SchoolCalendar calendar(RegisterRecord record) {
            return SchoolCalendar.of(regions.calendarOf(record.pupil().municipality()));
        }
    };

    @Test
    void aSickReportAcrossTheAutumnHolidayIsJudgedOnThePupilsRegion() {
        // Wed 23 Oct - Tue 5 Nov 2024: noord (0363) is off 26 Oct - 3 Nov (5 school days), zuid (0451) 19-27 Oct (7).
        var noord = Records.sickReport("0363", "PO2701", "2024-10-23", "2024-11-05");
        var zuid = Records.sickReport("0451", "PO2702", "2024-10-23", "2024-11-05");

        assertThat(engine.decide(noord, DefaultPolicySetTest.JGZ, "jeugdgezondheidszorg", DecisionFacts.NONE))
                .as("on Monday to Friday it would go").isInstanceOf(Permit.class);
        assertThat(engine.decide(noord, DefaultPolicySetTest.JGZ, "jeugdgezondheidszorg", regional))
                .isInstanceOf(Deny.class);
        assertThat(engine.decide(zuid, DefaultPolicySetTest.JGZ, "jeugdgezondheidszorg", regional))
                .isInstanceOf(Permit.class);
        assertThat(engine.explain(noord, DefaultPolicySetTest.JGZ, "jeugdgezondheidszorg", regional).decision())
                .isInstanceOf(Deny.class);
    }
}
