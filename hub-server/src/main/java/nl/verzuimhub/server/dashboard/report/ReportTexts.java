package nl.verzuimhub.server.dashboard.report;

import java.util.Map;

/** The fixed sentences of the subject-access report, per language. */
public final class ReportTexts {
    private static final Map<String, String> NL = Map.ofEntries(
            Map.entry("title", "Overzicht: wie kreeg welke gegevens over uw kind"),
            Map.entry("intro", "Dit overzicht laat zien welke organisaties via de Verzuimhub gegevens over uw kind"
                    + " hebben gekregen, wanneer, waarvoor en op grond van welke wet (artikel 15 AVG: recht op inzage)."),
            Map.entry("generated", "Opgesteld op"),
            Map.entry("total", "Aantal verstrekkingen"),
            Map.entry("none", "De Verzuimhub heeft geen gegevens over uw kind aan een organisatie verstrekt."),
            Map.entry("role", "Rol"),
            Map.entry("when", "Wanneer"),
            Map.entry("what", "Wat"),
            Map.entry("record", "Soort gegeven"),
            Map.entry("data", "Welke gegevens"),
            Map.entry("purpose", "Waarvoor"),
            Map.entry("basis", "Wettelijke grondslag"),
            Map.entry("questions", "Vragen of bezwaar? Neem contact op met de functionaris gegevensbescherming."),
            Map.entry("switch", "English"));
    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("title", "Overview: who received which data about your child"),
            Map.entry("intro", "This overview shows which organisations received data about your child through the"
                    + " Verzuimhub, when, what for, and under which law (Article 15 GDPR: right of access)."),
            Map.entry("generated", "Drawn up on"),
            Map.entry("total", "Number of disclosures"),
            Map.entry("none", "The Verzuimhub has not disclosed any data about your child to any organisation."),
            Map.entry("role", "Role"),
            Map.entry("when", "When"),
            Map.entry("what", "What happened"),
            Map.entry("record", "Kind of record"),
            Map.entry("data", "Which data"),
            Map.entry("purpose", "What for"),
            Map.entry("basis", "Legal basis"),
            Map.entry("questions", "Questions or objections? Contact the data protection officer."),
            Map.entry("switch", "Nederlands"));

    private ReportTexts() {
    }

    public static Map<String, String> of(ReportLanguage language) {
        return language == ReportLanguage.EN ? EN : NL;
    }
}
