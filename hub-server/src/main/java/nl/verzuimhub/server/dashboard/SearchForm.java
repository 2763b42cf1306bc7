package nl.verzuimhub.server.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import nl.verzuimhub.core.identity.ElevenTest;
import nl.verzuimhub.dpia.SubjectHasher;
import nl.verzuimhub.server.dashboard.search.SearchCriteria;

/**
 * The dashboard's search form as submitted. Every field optional; {@code bsn} is checked with the eleven-test and
 * turned into its keyed hash at once; {@code from}/{@code to} are local dates, both inclusive.
 */
public record SearchForm(String bsn, String recipient, String purpose, String from, String to) {
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    public static SearchForm empty() {
        return new SearchForm(null, null, null, null, null);
    }

    /** A form field was wrong; the message says which and how, without repeating the value. */
    public static final class InvalidSearch extends RuntimeException {
        public InvalidSearch(String message) {
            super(message);
        }
    }

    public boolean hasSubject() {
        return present(bsn);
    }

    public SearchCriteria criteria(SubjectHasher hasher) {
        String subjectHash = null;
        if (present(bsn)) {
            String digits = bsn.replaceAll("[\\s.]", "");
            if (!ElevenTest.isValidBsn(digits) && !ElevenTest.isValidOnderwijsnummer(digits)) {
                throw new InvalidSearch("Het BSN is ongeldig: 9 cijfers die de elfproef doorstaan /"
                        + " the BSN is not valid: 9 digits passing the eleven-test");
            }
            subjectHash = hasher.hash(digits);
        }
        Instant start = date("from", from, 0);
        Instant end = date("to", to, 1);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new InvalidSearch("'from' must be on or before 'to'");
        }
        return new SearchCriteria(subjectHash, present(recipient) ? recipient.trim() : null,
                present(purpose) ? purpose.trim() : null, start, end);
    }

    /** The form without the BSN, to fill the form again after a search. */
    public SearchForm withoutSubject() {
        return new SearchForm(null, recipient, purpose, from, to);
    }

    private static Instant date(String name, String value, int plusDays) {
        if (!present(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim()).plusDays(plusDays).atStartOfDay(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidSearch("'" + name + "' must be a date such as 2026-10-01");
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
