package nl.verzuimhub.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import nl.verzuimhub.core.record.AbsenceType;
import nl.verzuimhub.core.record.ExemptionArticle;
import nl.verzuimhub.core.record.Reporter;

/**
 * The small fixed vocabulary the region's free text is drawn from: invented staff names (an initial and a common
 * surname), job titles, telephone numbers in the fictional 555 block, e-mail addresses under the reserved
 * {@code .example} domain, and stock phrases for reasons, school actions and exemption grounds. None of it describes
 * a real person.
 */
final class SyntheticTexts {
    private static final List<String> SURNAMES = List.of(
            "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Visser", "Smit", "Meijer",
            "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
            "Brouwer", "de Wit", "Dijkstra", "de Graaf", "van der Meer", "El Amrani", "Yilmaz", "Kaya",
            "Bouzid", "Martina", "Pinas", "Nguyen");
    private static final List<String> ROLES = List.of(
            "Verzuimcoördinator", "Intern begeleider", "Mentor", "Teamleider", "Zorgcoördinator",
            "Leerlingadministratie", "Adjunct-directeur");
    private static final List<String> THRESHOLD_REASONS = List.of(
            "Komt regelmatig te laat en mist de eerste uren.",
            "Spijbelt in de middaguren, vermoedelijk samen met klasgenoten.",
            "Klaagt over hoofdpijn en vermoeidheid; ouders moeilijk bereikbaar.",
            "Zegt zich niet veilig te voelen in de klas.",
            "Onrustige thuissituatie volgens de leerling.",
            "Mist vooral de lessen wiskunde en lichamelijke opvoeding.",
            "Werkt 's avonds laat in een bijbaan en verslaapt zich.",
            "Twijfelt aan de gekozen opleiding; weinig motivatie.");
    private static final List<String> YOUNG_PUPIL_REASONS = List.of(
            "Komt regelmatig te laat; wordt 's ochtends niet op tijd gebracht.",
            "Klaagt over buikpijn en hoofdpijn; ouders moeilijk bereikbaar.",
            "Zegt zich niet veilig te voelen in de klas.",
            "Onrustige thuissituatie volgens de leerkracht.",
            "Wordt regelmatig 's middags thuis gehouden.");
    private static final List<String> LONG_TERM_REASONS = List.of(
            "Wacht op een passende plek in het speciaal onderwijs.",
            "Angstklachten; de leerling komt de deur niet uit.",
            "Verschil van inzicht over de begeleiding; ouders houden de leerling thuis.",
            "Langdurige behandeling, geen ziekmelding ontvangen.");
    private static final List<String> LUXURY_REASONS = List.of(
            "Vakantie buiten de schoolvakanties zonder verlof.",
            "Familiebezoek in het buitenland; het verlofverzoek was afgewezen.",
            "Eerder vertrokken voor de vakantie zonder toestemming.");
    private static final List<String> RMC_REASONS = List.of(
            "Staat ingeschreven maar volgt geen lessen meer.",
            "Werkt voltijds en wil stoppen met de opleiding.",
            "Zonder startkwalificatie uit beeld geraakt.");
    private static final List<String> SCHOOL_ACTIONS = List.of(
            "Gesprek mentor met ouders.",
            "Leerling besproken in het zorgadviesteam.",
            "Ouders schriftelijk geïnformeerd.",
            "Verwezen naar de jeugdarts.",
            "Afspraken vastgelegd in een begeleidingsplan.",
            "Huisbezoek door de zorgcoördinator.");
    private static final List<String> MEDICAL_GROUNDS = List.of(
            "Verklaring jeugdarts: lichamelijk niet in staat tot schoolbezoek.",
            "Verklaring jeugdarts: ernstige psychische klachten, niet in staat tot schoolbezoek.",
            "Advies jeugdarts na onderzoek: langdurige behandeling in een zorginstelling.",
            "Verklaring jeugdarts en psycholoog: niet in staat tot het volgen van onderwijs.");
    private static final List<String> ABROAD_GROUNDS = List.of(
            "Ingeschreven bij een school in België.",
            "Ingeschreven bij een school in Duitsland.",
            "Volgt onderwijs aan een school in het buitenland tijdens tijdelijk verblijf.");

    private SyntheticTexts() {
    }

    /** One to three staff members of the school with BRIN {@code brin}; phone and e-mail are sometimes unknown. */
    static List<Reporter> staff(SplittableRandom rng, String brin, Municipality municipality) {
        int count = Draw.between(rng, 1, 3);
        List<Reporter> staff = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            char initial = (char) ('A' + rng.nextInt(26));
            String surname = Draw.oneOf(rng, SURNAMES);
            String phone = Draw.chance(rng, 0.8)
                    ? municipality.areaCode() + "-555" + String.format("%04d", rng.nextInt(10_000)) : null;
            String email = Draw.chance(rng, 0.7) ? "verzuim@" + brin.toLowerCase() + ".school.example" : null;
            staff.add(new Reporter(initial + ". " + surname, Draw.oneOf(rng, ROLES), phone, email));
        }
        return staff;
    }

    /** A suspected reason that fits the report's type and the pupil's age (under 12: primary-school phrasing). */
    static String suspectedReason(SplittableRandom rng, AbsenceType type, int age) {
        return switch (type) {
            case V3, V4, O -> Draw.oneOf(rng, age < 12 ? YOUNG_PUPIL_REASONS : THRESHOLD_REASONS);
            case LRV -> Draw.oneOf(rng, LONG_TERM_REASONS);
            case L -> Draw.oneOf(rng, LUXURY_REASONS);
            case RMC -> Draw.oneOf(rng, RMC_REASONS);
        };
    }

    static String schoolAction(SplittableRandom rng) {
        return Draw.oneOf(rng, SCHOOL_ACTIONS);
    }

    /** The municipality's grounds for an exemption; for 5a always medical or psychological phrasing. */
    static String grounds(SplittableRandom rng, ExemptionArticle article) {
        return switch (article) {
            case ART_5A -> Draw.oneOf(rng, MEDICAL_GROUNDS);
            case ART_5B -> "Bedenkingen tegen de richting van alle scholen binnen redelijke afstand; thuisonderwijs.";
            case ART_5C -> Draw.oneOf(rng, ABROAD_GROUNDS);
            case ART_3A -> "Vervangende leerplicht: een goedgekeurd programma van leren en werken.";
            case ART_3B -> "Vervangende leerplicht in het laatste leerplichtjaar bij een mbo-instelling.";
            case ART_15 -> "Volgt een ander programma dat voldoende voorbereidt op zelfstandig functioneren.";
        };
    }
}
