package nl.verzuimhub.connectors.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.verzuimhub.connectors.register.xml.AbsoluutVerzuim;
import nl.verzuimhub.connectors.register.xml.Leerling;
import nl.verzuimhub.connectors.register.xml.Mutatie;
import nl.verzuimhub.connectors.register.xml.MutatieBatch;
import nl.verzuimhub.connectors.register.xml.Periode;
import nl.verzuimhub.connectors.register.xml.Verzuimmelding;
import nl.verzuimhub.connectors.register.xml.Vrijstelling;
import nl.verzuimhub.connectors.register.xml.Ziekmelding;
import nl.verzuimhub.core.identity.ElevenTest;

/**
 * The checks on a schema-valid page that the XSD cannot express.
 *
 * <ul>
 *   <li>every {@code Mutatie} carries exactly one object;</li>
 *   <li>volgnummers strictly increase within the page;</li>
 *   <li>{@code VolgendVolgnummer} is greater than the last volgnummer;</li>
 *   <li>a pupil's BSN passes the eleven-test, an onderwijsnummer the onderwijsnummer test (hub-core {@link ElevenTest});</li>
 *   <li>a period does not end before it starts.</li>
 * </ul>
 *
 * <p>A page may start below the requested {@code vanaf}: the register may serve a page again after a retry, and
 * applying a mutation twice has the effect of applying it once (the store never lets an older version win, and never
 * moves the cursor back). Refusing such a page would only stall the feed behind a quarantine.
 *
 * <p>Contract: {@link #validate} returns normally only when every check passes; otherwise it throws
 * {@link PageRejectedException} naming, for every failure, the volgnummer and the rule, never the value of a personal
 * field (a failing BSN is reported as "fails the BSN eleven-test", not by its digits). Stateless and thread-safe.
 */
final class RegisterPageValidator {

    /** Checks {@code batch}, one page of the register's feed. */
    void validate(MutatieBatch batch) throws PageRejectedException {
        List<String> problems = new ArrayList<>();
        List<Mutatie> mutations = batch.getMutatie();
        Long previous = null;
        for (Mutatie mutation : mutations) {
            long sequence = mutation.getVolgnummer();
            if (previous != null && sequence <= previous) {
                problems.add("volgnummer " + sequence + " does not follow volgnummer " + previous
                        + " (volgnummers must strictly increase)");
            }
            previous = sequence;
            checkObject(mutation, problems);
        }
        long next = batch.getVolgendVolgnummer();
        if (previous != null && next <= previous) {
            problems.add("VolgendVolgnummer " + next + " is not greater than the last volgnummer " + previous);
        }
        if (!problems.isEmpty()) {
            throw PageRejectedException.of(problems);
        }
    }

    private static void checkObject(Mutatie mutation, List<String> problems) {
        String at = "volgnummer " + mutation.getVolgnummer() + ": ";
        int objects = 0;
        Verzuimmelding report = mutation.getVerzuimmelding();
        if (report != null) {
            objects++;
            checkPupil(at + "Verzuimmelding/Leerling", report.getLeerling(), problems);
            checkPeriod(at + "Verzuimmelding/Periode", report.getPeriode(), problems);
        }
        Vrijstelling exemption = mutation.getVrijstelling();
        if (exemption != null) {
            objects++;
            checkPupil(at + "Vrijstelling/Leerling", exemption.getLeerling(), problems);
            checkPeriod(at + "Vrijstelling/Periode", exemption.getPeriode(), problems);
        }
        Ziekmelding sick = mutation.getZiekmelding();
        if (sick != null) {
            objects++;
            checkPupil(at + "Ziekmelding/Leerling", sick.getLeerling(), problems);
            checkPeriod(at + "Ziekmelding/Periode", sick.getPeriode(), problems);
        }
        AbsoluutVerzuim absence = mutation.getAbsoluutVerzuim();
        if (absence != null) {
            objects++;
            checkPupil(at + "AbsoluutVerzuim/Leerling", absence.getLeerling(), problems);
            checkPeriod(at + "AbsoluutVerzuim/Periode", absence.getPeriode(), problems);
        }
        if (objects != 1) {
            problems.add(at + "carries " + objects + " objects instead of exactly one");
        }
    }

    private static void checkPupil(String where, Leerling pupil, List<String> problems) {
        if (pupil == null) {
            problems.add(where + " is missing");
            return;
        }
        String bsn = pupil.getBsn();
        String educationNumber = pupil.getOnderwijsnummer();
        if ((bsn == null) == (educationNumber == null)) {
            problems.add(where + " must have exactly one of Bsn and Onderwijsnummer");
        } else if (bsn != null && !ElevenTest.isValidBsn(bsn)) {
            problems.add(where + "/Bsn fails the BSN eleven-test");
        } else if (educationNumber != null && !ElevenTest.isValidOnderwijsnummer(educationNumber)) {
            problems.add(where + "/Onderwijsnummer fails the onderwijsnummer test (starts with 10, weighted sum mod 11 = 5)");
        }
    }

    private static void checkPeriod(String where, Periode period, List<String> problems) {
        if (period == null || period.getBegindatum() == null) {
            problems.add(where + "/Begindatum is missing");
            return;
        }
        try {
            LocalDate start = XmlDates.toLocalDate("Begindatum", period.getBegindatum());
            LocalDate end = XmlDates.toLocalDate("Einddatum", period.getEinddatum());
            if (end != null && end.isBefore(start)) {
                problems.add(where + "/Einddatum is before Begindatum");
            }
        } catch (IllegalArgumentException e) {
            problems.add(where + "/" + e.getMessage());
        }
    }
}
