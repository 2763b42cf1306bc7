package nl.verzuimhub.simulator;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import nl.verzuimhub.core.identity.PupilIdentifier;
import nl.verzuimhub.core.record.AbsenceReport;
import nl.verzuimhub.core.record.AbsoluteAbsence;
import nl.verzuimhub.core.record.Enrolment;
import nl.verzuimhub.core.record.Exemption;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.core.record.Period;
import nl.verzuimhub.core.record.Pupil;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.record.Reporter;
import nl.verzuimhub.core.record.SickReport;

/**
 * Writes hub-core mutations as one {@code MutatieBatch} page of the register's feed (register-v1.xsd, namespace
 * {@value #NAMESPACE}), UTF-8, indented by two spaces.
 *
 * <p>Contracts: elements appear in exactly the schema's order; an optional element is omitted when its hub-core
 * value is null; dates are {@code yyyy-MM-dd}; date-times always carry seconds and a numeric offset (fractions of a
 * second only when present); {@code aangemaakt} is the clock's current instant in the clock's zone, to the second;
 * Uren are written with at most two fraction digits (rounded half up) and no trailing zeros. Values the schema cannot
 * express (hours outside 0..10000, more than 1000 mutations) are refused with
 * {@link IllegalArgumentException}; patterns and lengths of the values themselves are the caller's responsibility.
 * Stateless apart from the clock; safe to use from several threads.
 */
final class MutatieBatchWriter {
    static final String NAMESPACE = "urn:nl:verzuimregister:uitwisseling:v1";
    static final int MAX_MUTATIONS = 1000;

    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .appendOffset("+HH:MM", "+00:00")
            .toFormatter(Locale.ROOT);
    private static final BigDecimal MAX_HOURS = BigDecimal.valueOf(10_000);

    private final Clock clock;

    MutatieBatchWriter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The page holding {@code mutations} (in the given order), then {@code VolgendVolgnummer} and {@code Meer}.
     */
    byte[] write(List<Mutation> mutations, long nextSequence, boolean more) {
        if (mutations.size() > MAX_MUTATIONS) {
            throw new IllegalArgumentException("a page holds at most " + MAX_MUTATIONS + " mutations");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + 1200 * mutations.size());
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory()
                    .createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
            Out out = new Out(xml);
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("MutatieBatch");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeAttribute("aangemaakt", dateTime(OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS)));
            out.depth = 1;
            for (Mutation mutation : mutations) {
                mutation(out, mutation);
            }
            out.leaf("VolgendVolgnummer", Long.toString(nextSequence));
            out.leaf("Meer", Boolean.toString(more));
            out.depth = 0;
            out.indent();
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write a MutatieBatch page", e);
        }
        return bytes.toByteArray();
    }

    private static void mutation(Out out, Mutation mutation) throws XMLStreamException {
        out.start("Mutatie");
        out.xml.writeAttribute("volgnummer", Long.toString(mutation.sequence()));
        out.xml.writeAttribute("actie", mutation.action().name());
        out.xml.writeAttribute("tijdstip", dateTime(mutation.occurredAt()));
        RegisterRecord record = mutation.record();
        if (record instanceof AbsenceReport report) {
            absenceReport(out, report);
        } else if (record instanceof Exemption exemption) {
            exemption(out, exemption);
        } else if (record instanceof SickReport sick) {
            sickReport(out, sick);
        } else if (record instanceof AbsoluteAbsence absence) {
            absoluteAbsence(out, absence);
        } else {
            throw new IllegalArgumentException("unknown record type " + record.getClass().getName());
        }
        out.end();
    }

    private static void absenceReport(Out out, AbsenceReport r) throws XMLStreamException {
        out.start("Verzuimmelding");
        out.leaf("MeldingId", r.id());
        out.leaf("Versie", Integer.toString(r.version()));
        pupil(out, r.pupil());
        enrolment(out, "Inschrijving", r.enrolment());
        out.leaf("Verzuimsoort", r.absenceType().name());
        period(out, r.period());
        out.leaf("Verzuimuren", r.hours() == null ? null : hours(r.hours()));
        out.leaf("Verzuimdagen", r.days() == null ? null : r.days().toString());
        out.leaf("AlleLessenGemist", Boolean.toString(r.allLessonsMissed()));
        out.leaf("VermoedelijkeReden", r.suspectedReason());
        out.leaf("OndernomenActieSchool", r.schoolAction());
        out.leaf("ActieGemeenteGewenst", Boolean.toString(r.municipalActionRequested()));
        reporter(out, r.reporter());
        out.leaf("Status", r.status().name());
        out.leaf("RedenAfsluiting", r.closingReason() == null ? null : r.closingReason().name());
        out.leaf("Meldingsdatum", date(r.reportedOn()));
        out.leaf("LaatsteMutatie", dateTime(r.lastChanged()));
        out.end();
    }

    private static void exemption(Out out, Exemption e) throws XMLStreamException {
        out.start("Vrijstelling");
        out.leaf("VrijstellingId", e.id());
        out.leaf("Versie", Integer.toString(e.version()));
        pupil(out, e.pupil());
        if (e.lastEnrolment() != null) {
            enrolment(out, "LaatsteInschrijving", e.lastEnrolment());
        }
        out.leaf("Artikel", e.article().code());
        period(out, e.period());
        out.leaf("EerderVrijgesteld", Boolean.toString(e.previouslyExempt()));
        out.leaf("Grond", e.grounds());
        out.leaf("Status", e.status().name());
        out.leaf("LaatsteMutatie", dateTime(e.lastChanged()));
        out.end();
    }

    private static void sickReport(Out out, SickReport s) throws XMLStreamException {
        out.start("Ziekmelding");
        out.leaf("ZiekmeldingId", s.id());
        out.leaf("Versie", Integer.toString(s.version()));
        pupil(out, s.pupil());
        enrolment(out, "Inschrijving", s.enrolment());
        period(out, s.period());
        out.leaf("LaatsteMutatie", dateTime(s.lastChanged()));
        out.end();
    }

    private static void absoluteAbsence(Out out, AbsoluteAbsence a) throws XMLStreamException {
        out.start("AbsoluutVerzuim");
        out.leaf("SignaalId", a.id());
        out.leaf("Versie", Integer.toString(a.version()));
        pupil(out, a.pupil());
        if (a.lastEnrolment() != null) {
            enrolment(out, "LaatsteInschrijving", a.lastEnrolment());
        }
        period(out, a.period());
        out.leaf("Status", a.status().name());
        out.leaf("LaatsteMutatie", dateTime(a.lastChanged()));
        out.end();
    }

    private static void pupil(Out out, Pupil pupil) throws XMLStreamException {
        out.start("Leerling");
        PupilIdentifier id = pupil.identifier();
        out.leaf(id.type() == PupilIdentifier.Type.BSN ? "Bsn" : "Onderwijsnummer", id.value());
        out.leaf("Geboortedatum", date(pupil.birthDate()));
        out.leaf("Woongemeente", pupil.municipality());
        out.leaf("Postcode", pupil.postcode());
        out.end();
    }

    private static void enrolment(Out out, String element, Enrolment enrolment) throws XMLStreamException {
        out.start(element);
        out.leaf("Brin", enrolment.brin());
        out.leaf("Vestiging", enrolment.branch());
        out.leaf("Sector", enrolment.sector());
        out.leaf("Samenwerkingsverband", enrolment.partnership());
        out.leaf("Leerjaar", enrolment.grade() == null ? null : enrolment.grade().toString());
        out.end();
    }

    private static void period(Out out, Period period) throws XMLStreamException {
        out.start("Periode");
        out.leaf("Begindatum", date(period.start()));
        out.leaf("Einddatum", period.end() == null ? null : date(period.end()));
        out.end();
    }

    private static void reporter(Out out, Reporter reporter) throws XMLStreamException {
        out.start("Melder");
        out.leaf("Naam", reporter.name());
        out.leaf("Functie", reporter.role());
        out.leaf("Telefoon", reporter.phone());
        out.leaf("Email", reporter.email());
        out.end();
    }

    /** Uren: 0 to 10000, at most two fraction digits, no trailing zeros ({@code 17}, {@code 16.5}, {@code 3.33}). */
    static String hours(BigDecimal hours) {
        if (hours.signum() < 0 || hours.compareTo(MAX_HOURS) > 0) {
            throw new IllegalArgumentException("hours must be 0..10000");
        }
        return hours.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String dateTime(OffsetDateTime value) {
        return DATE_TIME.format(value);
    }

    private static String date(LocalDate value) {
        return value.toString();
    }

    /** An XMLStreamWriter that indents element content; leaves with a null value are left out. */
    private static final class Out {
        private final XMLStreamWriter xml;
        private int depth;

        Out(XMLStreamWriter xml) {
            this.xml = xml;
        }

        void start(String name) throws XMLStreamException {
            indent();
            xml.writeStartElement(name);
            depth++;
        }

        void end() throws XMLStreamException {
            depth--;
            indent();
            xml.writeEndElement();
        }

        void leaf(String name, String text) throws XMLStreamException {
            if (text == null) {
                return;
            }
            indent();
            xml.writeStartElement(name);
            xml.writeCharacters(text);
            xml.writeEndElement();
        }

        void indent() throws XMLStreamException {
            xml.writeCharacters("\n" + "  ".repeat(depth));
        }
    }
}
