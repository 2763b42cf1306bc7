package nl.verzuimhub.server.dashboard.report;

import java.util.Map;

/**
 * Plain Dutch and English for the words the audit log stores as codes: data fields, roles, actions and the default
 * purposes. An unknown code is shown as is.
 */
public final class PlainLanguage {
    private static final Map<String, String[]> FIELDS = Map.ofEntries(
            Map.entry("bsn", new String[]{"burgerservicenummer (BSN)", "citizen service number (BSN)"}),
            Map.entry("onderwijsnummer", new String[]{"onderwijsnummer", "education number"}),
            Map.entry("pseudonym", new String[]{"pseudoniem (geen BSN)", "pseudonym (not the BSN)"}),
            Map.entry("birthDate", new String[]{"geboortedatum", "date of birth"}),
            Map.entry("birthYear", new String[]{"geboortejaar", "year of birth"}),
            Map.entry("municipality", new String[]{"woongemeente", "municipality of residence"}),
            Map.entry("postcode", new String[]{"postcode", "postcode"}),
            Map.entry("brin", new String[]{"school (BRIN)", "school (BRIN code)"}),
            Map.entry("branch", new String[]{"schoolvestiging", "school branch"}),
            Map.entry("sector", new String[]{"onderwijssector", "school sector"}),
            Map.entry("partnership", new String[]{"samenwerkingsverband", "partnership for inclusive education"}),
            Map.entry("grade", new String[]{"leerjaar", "school year"}),
            Map.entry("absenceType", new String[]{"soort verzuim", "type of absence"}),
            Map.entry("periodStart", new String[]{"begindatum", "start date"}),
            Map.entry("periodEnd", new String[]{"einddatum", "end date"}),
            Map.entry("hours", new String[]{"aantal uren", "number of hours"}),
            Map.entry("days", new String[]{"aantal dagen", "number of days"}),
            Map.entry("allLessonsMissed", new String[]{"alle lessen gemist", "all lessons missed"}),
            Map.entry("suspectedReason", new String[]{"vermoedelijke reden (vrije tekst van de school)",
                    "suspected reason (the school's own words)"}),
            Map.entry("schoolAction", new String[]{"actie van de school (vrije tekst)", "action taken by the school (free text)"}),
            Map.entry("municipalActionRequested", new String[]{"gemeente gevraagd actie te nemen",
                    "municipality asked to act"}),
            Map.entry("reporter", new String[]{"melder op school", "reporting school employee"}),
            Map.entry("status", new String[]{"status", "status"}),
            Map.entry("closingReason", new String[]{"reden van afsluiten", "reason for closing"}),
            Map.entry("reportedOn", new String[]{"meldingsdatum", "date reported"}),
            Map.entry("lastChanged", new String[]{"laatst gewijzigd", "last changed"}),
            Map.entry("article", new String[]{"artikel van de vrijstelling", "article of the exemption"}),
            Map.entry("previouslyExempt", new String[]{"eerder vrijgesteld", "previously exempt"}),
            Map.entry("grounds", new String[]{"grond van de vrijstelling (kan medisch zijn)",
                    "grounds of the exemption (may be medical)"}));
    private static final Map<String, String[]> ROLES = Map.of(
            "ATTENDANCE_OFFICER", new String[]{"leerplichtambtenaar", "attendance officer"},
            "RMC", new String[]{"RMC-functie (voortijdig schoolverlaten)", "early school leaving office (RMC)"},
            "PARTNERSHIP", new String[]{"samenwerkingsverband passend onderwijs", "partnership for inclusive education"},
            "YOUTH_DOCTOR", new String[]{"jeugdarts", "youth doctor"},
            "PRIVACY_OFFICER", new String[]{"functionaris gegevensbescherming", "data protection officer"},
            "STATISTICS", new String[]{"statistiek", "statistics"},
            "OPERATOR", new String[]{"beheer", "operations"});
    private static final Map<String, String[]> ACTIONS = Map.of(
            "DISCLOSE", new String[]{"verstrekt", "disclosed"},
            "RETRACT", new String[]{"ingetrokken (ontvanger moest het verwijderen)", "withdrawn (recipient had to delete it)"},
            "DENY", new String[]{"geweigerd", "refused"},
            "SEARCH", new String[]{"ingezien door de FG", "looked up by the data protection officer"},
            "EXPORT", new String[]{"geëxporteerd door de FG", "exported by the data protection officer"},
            "EXPLAIN", new String[]{"toegelicht", "explained"},
            "ERASE", new String[]{"gewist", "erased"});
    private static final Map<String, String[]> PURPOSES = Map.of(
            "leerplicht", new String[]{"Handhaving van de leerplicht", "Enforcing compulsory education"},
            "passend-onderwijs", new String[]{"Een passende plek op school vinden",
                    "Finding a suitable place at school"},
            "jeugdgezondheidszorg", new String[]{"Advies van de jeugdarts bij veel ziekteverzuim",
                    "Advice from the youth doctor on frequent sick leave"},
            "toezicht", new String[]{"Toezicht door de functionaris gegevensbescherming",
                    "Supervision by the data protection officer"});

    private PlainLanguage() {
    }

    public static String field(String code, ReportLanguage language) {
        return pick(FIELDS, code, language);
    }

    public static String role(String code, ReportLanguage language) {
        return pick(ROLES, code, language);
    }

    public static String action(String code, ReportLanguage language) {
        return pick(ACTIONS, code, language);
    }

    /** A plain name for a purpose; {@code fallback} (the policy set's name) for a purpose not known here. */
    public static String purpose(String id, String fallback, ReportLanguage language) {
        String[] names = id == null ? null : PURPOSES.get(id);
        return names == null ? (fallback == null ? String.valueOf(id) : fallback) : names[language.ordinal()];
    }

    private static String pick(Map<String, String[]> table, String code, ReportLanguage language) {
        String[] names = code == null ? null : table.get(code);
        return names == null ? String.valueOf(code) : names[language.ordinal()];
    }
}
