package nl.verzuimhub.server.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.verzuimhub.core.record.RecordKind;
import org.junit.jupiter.api.Test;

class RetentionRulesTest {
    final RetentionRules defaults = RetentionRules.defaults();
    final Instant reported = Instant.parse("2024-10-01T00:00:00Z");

    @Test
    void anAttendanceOfficerFileIsKeptUntilThePupilIs19() {
        LocalDate born = LocalDate.parse("2008-03-15"); // 16 when reported: 19 on 2027-03-15
        assertThat(defaults.eraseFrom(RecordKind.VRIJSTELLING, reported, born))
                .isEqualTo(Instant.parse("2027-03-15T00:00:00Z"));
        assertThat(defaults.due(RecordKind.VRIJSTELLING, reported, born, Instant.parse("2027-03-14T23:59:59Z"))).isFalse();
        assertThat(defaults.due(RecordKind.VRIJSTELLING, reported, born, Instant.parse("2027-03-15T00:00:00Z"))).isTrue();
    }

    @Test
    void noRecordIsKeptLongerThanFiveYearsAfterItsLastChange() {
        LocalDate born = LocalDate.parse("2016-05-01"); // 19 only in 2035
        assertThat(defaults.eraseFrom(RecordKind.VERZUIMMELDING, reported, born))
                .isEqualTo(Instant.parse("2029-10-01T00:00:00Z"));
    }

    @Test
    void anRmcReportOfAnAdultIsKeptUntil25AndOtherPurposesKeepTwoYears() {
        LocalDate born = LocalDate.parse("2004-01-01"); // 20 when reported
        assertThat(defaults.eraseFrom(RecordKind.VERZUIMMELDING, reported, born))
                .isEqualTo(Instant.parse("2029-01-01T00:00:00Z")); // 25th birthday, inside the 5-year cap
        assertThat(defaults.eraseFrom(RecordKind.ZIEKMELDING, reported, born))
                .isEqualTo(Instant.parse("2026-10-01T00:00:00Z")); // youth doctor: two years after the last change
    }

    @Test
    void withoutABirthDateOnlyTheTimeBasedNeedsCount() {
        assertThat(defaults.eraseFrom(RecordKind.ZIEKMELDING, reported, null))
                .isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(defaults.eraseFrom(RecordKind.ABSOLUUT_VERZUIM, reported, null))
                .isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
    }

    @Test
    void configuredRulesReplaceTheDefaults() {
        RetentionProperties properties = new RetentionProperties(true, null, Period.ofYears(3), null,
                Map.of("leerplicht", new RetentionProperties.RuleProperties(Set.of(RecordKind.VERZUIMMELDING),
                        Period.ofMonths(6), null)));
        RetentionRules rules = properties.toRules();
        assertThat(rules.maxAge()).isEqualTo(Period.ofYears(3));
        assertThat(rules.rules()).hasSize(1);
        assertThat(rules.eraseFrom(RecordKind.VERZUIMMELDING, reported, null))
                .isEqualTo(Instant.parse("2025-04-01T00:00:00Z"));
        assertThat(rules.eraseFrom(RecordKind.VRIJSTELLING, reported, null)).isEqualTo(reported);
        assertThat(new RetentionProperties(null, null, null, null, null).toRules().rules())
                .isEqualTo(RetentionRules.defaults().rules());
        assertThat(List.of(properties.enabled(), properties.quarantineBody())).containsExactly(true, Period.ofDays(30));
    }
}
