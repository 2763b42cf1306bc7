package nl.verzuimhub.server.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import nl.verzuimhub.core.record.RecordKind;

/**
 * When the personal fields of a stored record may go: the hub keeps a record only while some purpose still needs
 * it, and never longer than {@code maxAge} after its last change (domain.md, "Retention"). Plain logic, no clock of
 * its own: the caller says what "now" is.
 *
 * @param maxAge the hard limit after the record's last change (default 5 years)
 * @param rules  what each purpose needs
 */
public record RetentionRules(Period maxAge, List<Rule> rules) {
    public RetentionRules {
        Objects.requireNonNull(maxAge, "maxAge");
        rules = List.copyOf(rules);
    }

    /**
     * What one purpose needs: records of {@code kinds} until {@code afterLastChange} past their last change, and (if
     * set) until the pupil reaches {@code untilAge}, whichever is later.
     */
    public record Rule(String purposeId, Set<RecordKind> kinds, Period afterLastChange, Period untilAge) {
        public Rule {
            Objects.requireNonNull(purposeId, "purposeId");
            kinds = Set.copyOf(kinds);
            afterLastChange = afterLastChange == null ? Period.ZERO : afterLastChange;
        }

        Instant neededUntil(Instant lastChange, LocalDate birthDate) {
            Instant until = plus(lastChange, afterLastChange);
            if (untilAge != null && birthDate != null) {
                Instant ageReached = birthDate.plus(untilAge).atStartOfDay(ZoneOffset.UTC).toInstant();
                until = ageReached.isAfter(until) ? ageReached : until;
            }
            return until;
        }
    }

    /**
     * The defaults of domain.md: attendance-officer files until the pupil is 19; RMC files two years after the
     * qualification duty ends (at 23, so until 25); partnership and youth-doctor data two years after the last change
     * (a design choice); everything at most five years after its last change.
     */
    public static RetentionRules defaults() {
        Set<RecordKind> all = Set.of(RecordKind.values());
        return new RetentionRules(Period.ofYears(5), List.of(
                new Rule("leerplicht", all, Period.ZERO, Period.ofYears(19)),
                new Rule("rmc", Set.of(RecordKind.VERZUIMMELDING), Period.ZERO, Period.ofYears(25)),
                new Rule("passend-onderwijs", Set.of(RecordKind.VERZUIMMELDING, RecordKind.VRIJSTELLING,
                        RecordKind.ABSOLUUT_VERZUIM), Period.ofYears(2), null),
                new Rule("jeugdgezondheidszorg", Set.of(RecordKind.ZIEKMELDING), Period.ofYears(2), null)));
    }

    /**
     * The moment from which no purpose needs the record: the latest need of any rule for its kind, capped at
     * {@code maxAge} after the last change. A kind no rule covers is needed by no one (its last change).
     *
     * @param birthDate the pupil's date of birth, or null when unknown (age-based needs then do not count)
     */
    public Instant eraseFrom(RecordKind kind, Instant lastChange, LocalDate birthDate) {
        Instant needed = lastChange;
        for (Rule rule : rules) {
            if (rule.kinds().contains(kind)) {
                Instant until = rule.neededUntil(lastChange, birthDate);
                needed = until.isAfter(needed) ? until : needed;
            }
        }
        Instant cap = plus(lastChange, maxAge);
        return needed.isAfter(cap) ? cap : needed;
    }

    /** True when no purpose needs the record any more at {@code now}. */
    public boolean due(RecordKind kind, Instant lastChange, LocalDate birthDate, Instant now) {
        return !now.isBefore(eraseFrom(kind, lastChange, birthDate));
    }

    private static Instant plus(Instant instant, Period period) {
        return instant.atOffset(ZoneOffset.UTC).plus(period).toInstant();
    }
}
