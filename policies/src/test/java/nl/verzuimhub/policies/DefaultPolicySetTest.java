package nl.verzuimhub.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.verzuimhub.core.disclosure.DataField;
import nl.verzuimhub.core.disclosure.RecordFields;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.recipient.Organisation;
import nl.verzuimhub.core.recipient.OrganisationType;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.core.recipient.RecipientRole;
import org.junit.jupiter.api.Test;

class DefaultPolicySetTest {
    static final Recipient LEERPLICHT_0363 = new Recipient("leerplicht-0363",
            new Organisation(OrganisationType.MUNICIPALITY, "0363", "Amsterdam"), RecipientRole.ATTENDANCE_OFFICER,
            List.of("leerplicht"));
    static final Recipient SWV_VO2701 = new Recipient("swv-vo2701",
            new Organisation(OrganisationType.PARTNERSHIP, "VO2701", "SWV VO Amsterdam-Diemen"),
            RecipientRole.PARTNERSHIP, List.of("passend-onderwijs"));
    static final Recipient SWV_PO2701 = new Recipient("swv-po2701",
            new Organisation(OrganisationType.PARTNERSHIP, "PO2701", "SWV PO Amsterdam-Diemen"),
            RecipientRole.PARTNERSHIP, List.of("passend-onderwijs"));
    static final Recipient JGZ = new Recipient("jgz-ggd-amsterdam",
            new Organisation(OrganisationType.GGD_REGION, "ggd-amsterdam-amstelland", "GGD Amsterdam-Amstelland"),
            RecipientRole.YOUTH_DOCTOR, List.of("jeugdgezondheidszorg"));
    static final Recipient FG = new Recipient("fg-privacy",
            new Organisation(OrganisationType.OTHER, "verzuimhub", "Verzuimhub FG"), RecipientRole.PRIVACY_OFFICER,
            List.of("toezicht"));

    final PolicyEngine engine = new PolicyEngine(DefaultPolicySet.policySet(),
            new RegionDirectory(Map.of("ggd-amsterdam-amstelland", Set.of("0358", "0362", "0363", "0384", "0437", "0451"))),
            new Pseudonymiser(new byte[32]));

    @Test
    void attendanceOfficerOfTheMunicipalityOfResidenceSeesEveryFieldOfEveryKind() {
        for (RegisterRecord record : List.of(Records.absenceReport("0363", "VO2801"), Records.exemption("0363", "PO2801"),
                Records.sickReport("0363", "PO2801"), Records.absoluteAbsence("0363", null))) {
            Permit permit = (Permit) engine.decide(record, LEERPLICHT_0363, "leerplicht");
            assertThat(permit.view()).isEqualTo(RecordFields.of(record));
            assertThat(permit.purpose().legalBasis()).contains("21a");
        }
    }

    @Test
    void attendanceOfficerGetsNothingAboutPupilsLivingElsewhereEvenAtItsOwnSchools() {
        Decision decision = engine.decide(Records.absenceReport("0599", "VO2701"), LEERPLICHT_0363, "leerplicht");
        assertThat(decision).isInstanceOfSatisfying(Deny.class, deny -> assertThat(deny.reason()).isEqualTo(DenyReason.OUT_OF_SCOPE));
    }

    @Test
    void partnershipSeesAPseudonymisedMinimisedViewWithoutFreeTextOrReporter() {
        Permit permit = (Permit) engine.decide(Records.absenceReport("0599", "VO2701"), SWV_VO2701, "passend-onderwijs");
        assertThat(names(permit)).containsExactlyInAnyOrder("pseudonym", "birthYear", "municipality", "brin", "branch",
                "sector", "partnership", "grade", "absenceType", "periodStart", "periodEnd", "hours", "days",
                "allLessonsMissed", "municipalActionRequested", "status", "reportedOn", "lastChanged");
        assertThat(permit.view().get(DataField.BIRTH_YEAR)).isEqualTo(2011);
        assertThat(permit.view().values().values()).doesNotContain(Records.BSN, "free text reason", "free text action");
    }

    @Test
    void partnershipSeesExemptionArticleButNeverItsGrounds() {
        Permit permit = (Permit) engine.decide(Records.exemption("0363", "VO2701"), SWV_VO2701, "passend-onderwijs");
        assertThat(names(permit)).contains("article", "previouslyExempt", "periodStart", "periodEnd")
                .doesNotContain("grounds", "bsn", "birthDate", "postcode");
    }

    @Test
    void partnershipNeverReceivesSickReports() {
        Decision decision = engine.decide(Records.sickReport("0363", "VO2701"), SWV_VO2701, "passend-onderwijs");
        assertThat(decision).isInstanceOfSatisfying(Deny.class,
                deny -> assertThat(deny.reason()).isEqualTo(DenyReason.NO_MATCHING_POLICY));
    }

    @Test
    void absoluteAbsenceWithoutAnySchoolIsOutsideEveryPartnership() {
        Decision decision = engine.decide(Records.absoluteAbsence("0363", null), SWV_VO2701, "passend-onderwijs");
        assertThat(decision).isInstanceOfSatisfying(Deny.class, deny -> assertThat(deny.reason()).isEqualTo(DenyReason.OUT_OF_SCOPE));
    }

    @Test
    void pseudonymsAreStablePerRecipientAndDifferBetweenRecipients() {
        Permit first = (Permit) engine.decide(Records.absenceReport("0363", "VO2701"), SWV_VO2701, "passend-onderwijs");
        Permit again = (Permit) engine.decide(Records.exemption("0363", "VO2701"), SWV_VO2701, "passend-onderwijs");
        Permit other = (Permit) engine.decide(Records.absenceReport("0363", "PO2701"), SWV_PO2701, "passend-onderwijs");
        assertThat(first.view().get(DataField.PSEUDONYM)).isEqualTo(again.view().get(DataField.PSEUDONYM));
        assertThat(first.view().get(DataField.PSEUDONYM)).isNotEqualTo(other.view().get(DataField.PSEUDONYM));
        assertThat((String) first.view().get(DataField.PSEUDONYM)).matches("[0-9a-f]{32}");
    }

    @Test
    void youthDoctorSeesOnlyIdentitySchoolAndDatesOfSickReportsInTheGgdRegion() {
        Permit permit = (Permit) engine.decide(Records.sickReport("0362", "PO2702"), JGZ, "jeugdgezondheidszorg");
        assertThat(names(permit)).containsExactlyInAnyOrder("bsn", "birthDate", "brin", "branch", "sector",
                "periodStart", "periodEnd");
    }

    @Test
    void youthDoctorGetsNothingOutsideItsRegionNorAnyAbsenceReport() {
        assertThat(engine.decide(Records.sickReport("0599", "PO2801"), JGZ, "jeugdgezondheidszorg"))
                .isInstanceOfSatisfying(Deny.class, deny -> assertThat(deny.reason()).isEqualTo(DenyReason.OUT_OF_SCOPE));
        assertThat(engine.decide(Records.absenceReport("0363", "VO2701"), JGZ, "jeugdgezondheidszorg"))
                .isInstanceOfSatisfying(Deny.class, deny -> assertThat(deny.reason()).isEqualTo(DenyReason.NO_MATCHING_POLICY));
    }

    @Test
    void privacyOfficerReceivesNoPupilData() {
        assertThat(engine.decide(Records.absenceReport("0363", "VO2701"), FG, "toezicht"))
                .isInstanceOfSatisfying(Deny.class, deny -> {
                    assertThat(deny.reason()).isEqualTo(DenyReason.FORBIDDEN);
                    assertThat(deny.ruleIds()).containsExactly("forbid.no-record-level-data");
                });
        assertThat(engine.disclosurePurposes(RecipientRole.PRIVACY_OFFICER)).isEmpty();
    }

    @Test
    void aPurposeTheRecipientWasNotGrantedIsRefusedEvenWhereARuleWouldMatch() {
        assertThat(engine.decide(Records.absenceReport("0363", "VO2701"), SWV_VO2701, "leerplicht"))
                .isInstanceOfSatisfying(Deny.class, deny -> assertThat(deny.reason()).isEqualTo(DenyReason.PURPOSE_NOT_GRANTED));
        assertThat(engine.decide(Records.absenceReport("0363", "VO2701"), SWV_VO2701, "marketing"))
                .isInstanceOfSatisfying(Deny.class, deny -> assertThat(deny.reason()).isEqualTo(DenyReason.UNKNOWN_PURPOSE));
    }

    @Test
    void decisionsGetDistinctIdsAndCarryThePolicySetVersion() {
        Decision one = engine.decide(Records.sickReport("0363", "PO2701"), JGZ, "jeugdgezondheidszorg");
        Decision two = engine.decide(Records.sickReport("0363", "PO2701"), JGZ, "jeugdgezondheidszorg");
        assertThat(one.decisionId()).isNotEqualTo(two.decisionId());
        assertThat(one.policySetVersion()).isEqualTo(DefaultPolicySet.VERSION);
    }

    private static Set<String> names(Permit permit) {
        return permit.view().fields().stream().map(DataField::jsonName).collect(Collectors.toSet());
    }
}
