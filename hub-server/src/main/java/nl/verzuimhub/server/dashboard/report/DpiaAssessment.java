package nl.verzuimhub.server.dashboard.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The DPIA's risk section, derived from the generated register and the log: each risk names the activity, why it is
 * a risk, how high, and which measures in the register answer it. Pure.
 */
public final class DpiaAssessment {
    public record Risk(String activity, String risk, String level, String measures) {
    }

    private DpiaAssessment() {
    }

    public static List<Risk> risks(ProcessingRegister register, int anomalies) {
        List<Risk> risks = new ArrayList<>();
        for (ProcessingRegister.Activity a : register.activities()) {
            if (a.recipients().isEmpty() && a.dataCategories().isEmpty()) {
                continue;
            }
            if (a.specialCategories()) {
                risks.add(new Risk(a.id(), "Bijzondere persoonsgegevens (art. 9 AVG: gezondheid of vrije tekst die"
                        + " die kan bevatten) worden verstrekt", "hoog", String.join("; ", a.measures())));
            }
            boolean identifying = a.dataCategories().stream().anyMatch(c -> "IDENTIFYING".equals(c.sensitivity())
                    && "ALLOW".equals(c.treatment()));
            if (identifying) {
                risks.add(new Risk(a.id(), "Direct identificerende gegevens (BSN) gaan naar de ontvanger", "midden",
                        "Alleen binnen de wettelijke taak en eigen reikwijdte; elke verstrekking gelogd"));
            } else if (!a.dataCategories().isEmpty()) {
                risks.add(new Risk(a.id(), "Herleidbaarheid via pseudoniem en overige velden", "laag",
                        String.join("; ", a.measures())));
            }
            if (a.denials() > 0) {
                risks.add(new Risk(a.id(), a.denials() + " verzoeken buiten bevoegdheid zijn geweigerd", "signaal",
                        "Deny by default; de FG ziet pieken in weigeringen op het dashboard"));
            }
        }
        if (anomalies > 0) {
            risks.add(new Risk("alle", anomalies + " afwijkingen in het logboek vragen om beoordeling door de FG",
                    "signaal", "Afwijkingen staan op het dashboard met hun drempel"));
        }
        return risks;
    }
}
