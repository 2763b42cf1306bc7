package nl.verzuimhub.server.dashboard.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The processing register as JSON in the vocabulary of the Data Privacy Vocabulary (DPV, w3id.org/dpv), which the
 * Logboek Dataverwerkingen register of processing activities also uses; each activity carries the id that log lines
 * name as their processing activity. The mapping is in docs/dashboard.md.
 */
public final class RegisterJson {
    static final Map<String, String> CONTEXT = Map.of(
            "dpv", "https://w3id.org/dpv#",
            "dpv-pd", "https://w3id.org/dpv/pd#",
            "eu-gdpr", "https://w3id.org/dpv/legal/eu/gdpr#");

    private RegisterJson() {
    }

    /** With {@code withStatistics} false only the policy-derived part: the versioned snapshot. */
    public static Map<String, Object> of(ProcessingRegister register, boolean withStatistics) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@context", CONTEXT);
        json.put("@type", "dpv:ROPA");
        json.put("dpv:hasDataController", register.controller());
        json.put("policySetVersion", register.policySetVersion());
        json.put("policySetHash", register.policySetHash());
        if (withStatistics) {
            json.put("generatedAt", register.generatedAt().toString());
        }
        json.put("dpv:hasTechnicalOrganisationalMeasure", register.generalMeasures());
        json.put("processingActivities", register.activities().stream().map(a -> activity(a, withStatistics)).toList());
        return json;
    }

    private static Map<String, Object> activity(ProcessingRegister.Activity a, boolean withStatistics) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@type", "dpv:PersonalDataHandling");
        json.put("processingActivityId", a.id());
        json.put("dpv:hasPurpose", Map.of("id", a.purposeId(), "name", a.purposeName()));
        json.put("dpv:hasLegalBasis", Map.of("citation", a.legalBasis(), "gdpr", a.dpvLegalBasis()));
        json.put("dpv:hasDataSubject", Map.of("@type", "dpv:Child", "description", a.dataSubjects()));
        json.put("recordKinds", a.recordKinds());
        json.put("dpv:hasPersonalData", a.dataCategories().stream().map(c -> {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("field", c.field());
            field.put("label", c.label());
            field.put("@type", c.dpvCategory());
            field.put("treatment", c.treatment());
            field.put("specialCategory", c.special());
            return field;
        }).toList());
        json.put("specialCategories", a.specialCategories());
        json.put("dpv:hasRecipient", a.recipients().stream().map(r -> {
            Map<String, Object> recipient = new LinkedHashMap<>();
            recipient.put("id", r.clientId());
            recipient.put("name", r.organisation());
            recipient.put("role", r.role());
            if (withStatistics) {
                recipient.put("disclosures", r.disclosures());
                recipient.put("retractions", r.retractions());
                recipient.put("denials", r.denials());
            }
            return recipient;
        }).toList());
        json.put("dpv:hasStorageCondition", a.retention());
        json.put("dpv:hasTechnicalOrganisationalMeasure", a.measures());
        if (withStatistics) {
            json.put("statistics", Map.of("disclosures", a.disclosures(), "denials", a.denials()));
        }
        return json;
    }

    static List<String> contextPrefixes() {
        return List.copyOf(CONTEXT.keySet());
    }
}
