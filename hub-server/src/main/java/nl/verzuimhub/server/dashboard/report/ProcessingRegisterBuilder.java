package nl.verzuimhub.server.dashboard.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.verzuimhub.core.disclosure.DataField;
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.core.recipient.Purpose;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.core.recipient.RecipientRole;
import nl.verzuimhub.policies.DisclosureRule;
import nl.verzuimhub.policies.FieldTreatment;
import nl.verzuimhub.policies.PolicySet;
import nl.verzuimhub.server.dashboard.search.AuditReadRepository.PurposeVolume;

/**
 * Generates the processing register from the policy set in force, the recipients and the log's volumes. Pure:
 * nothing here reads a database or the clock.
 *
 * <p>Special categories (AVG art. 9) are marked: a field of sensitivity SPECIAL_CATEGORY (free text that may hold
 * health details, exemption grounds); every field of an activity that discloses only sick reports (ZIEKMELDING), since
 * a sick report is itself health data; and the record kind ZIEKMELDING wherever an activity includes it (an
 * activity with sick reports among its kinds processes special categories).
 */
public final class ProcessingRegisterBuilder {
    /** The purpose the statistics endpoints serve: aggregates only, no rules that disclose pupil data. */
    private static final String STATISTICS_PURPOSE = nl.verzuimhub.server.statistics.StatisticsScope.STATISTIEK;

    public static final String CONTROLLER = "Verzuimhub (regionale gegevensuitwisseling verzuim en vrijstellingen)";
    static final List<String> GENERAL_MEASURES = List.of(
            "Weigeren tenzij een regel het toestaat (deny by default), per ontvanger, doel en soort gegeven",
            "Dataminimalisatie per veld: elke regel noemt de velden die een ontvanger krijgt; andere velden gaan niet mee",
            "Elke verstrekking en weigering staat in een hash-geketend, alleen-toevoegbaar logboek voordat gegevens de hub verlaten",
            "Betrokkenen staan in het logboek alleen als keyed hash (HMAC-SHA256), nooit als BSN",
            "Ontvangers authenticeren met OAuth2-tokens met organisatie, rol en doelen; de FG logt in met wachtwoord en TOTP",
            "Bewaartermijnen per doel; daarna worden persoonsvelden gewist en blijft alleen het gepseudonimiseerde logboek");

    private final Map<String, String> retention;

    /** @param retention purpose id to its retention rule in words; a purpose without one gets the hub's default */
    public ProcessingRegisterBuilder(Map<String, String> retention) {
        this.retention = retention;
    }

    public ProcessingRegister build(PolicySet set, Collection<Recipient> recipients, List<PurposeVolume> volumes,
                                    Instant generatedAt) {
        List<ProcessingRegister.Activity> activities = new ArrayList<>();
        for (Purpose purpose : set.purposes().values().stream()
                .sorted(java.util.Comparator.comparing(Purpose::processingActivity)).toList()) {
            List<DisclosureRule> rules = set.permits().stream().filter(r -> purpose.id().equals(r.purposeId())).toList();
            Set<RecipientRole> roles = new java.util.TreeSet<>();
            rules.forEach(rule -> roles.add(rule.role()));
            List<DisclosureRule> forbids = set.forbids().stream()
                    .filter(f -> f.purposeId() == null || f.purposeId().equals(purpose.id()))
                    .filter(f -> f.roles().stream().anyMatch(roles::contains)).toList();
            Set<RecordKind> kinds = new java.util.TreeSet<>();
            Map<DataField, FieldTreatment> fields = new EnumMap<>(DataField.class);
            for (DisclosureRule rule : rules) {
                kinds.addAll(rule.kinds());
                rule.fields().forEach((field, treatment) -> {
                    if (treatment != FieldTreatment.DROP) {
                        fields.putIfAbsent(field, treatment);
                    }
                });
            }
            for (DisclosureRule forbid : forbids) {
                forbid.forbiddenFields().forEach(fields::remove);
            }
            boolean health = kinds.equals(Set.of(RecordKind.ZIEKMELDING));
            List<ProcessingRegister.DataCategory> categories = new ArrayList<>();
            fields.forEach((field, treatment) -> {
                boolean special = health || field.sensitivity() == DataField.Sensitivity.SPECIAL_CATEGORY;
                categories.add(new ProcessingRegister.DataCategory(field.jsonName(),
                        PlainLanguage.field(field.jsonName(), ReportLanguage.NL), field.sensitivity().name(),
                        treatment.name(), special, dpvCategory(field, treatment, health)));
            });
            List<ProcessingRegister.RecipientLine> lines = new ArrayList<>();
            long disclosures = 0;
            long denials = 0;
            for (Recipient recipient : recipients) {
                if (!recipient.purposes().contains(purpose.id())) {
                    continue;
                }
                long d = count(volumes, recipient.clientId(), purpose.id(), "DISCLOSE");
                long r = count(volumes, recipient.clientId(), purpose.id(), "RETRACT");
                long n = count(volumes, recipient.clientId(), purpose.id(), "DENY");
                lines.add(new ProcessingRegister.RecipientLine(recipient.clientId(), recipient.organisation().name(),
                        recipient.role().name(), d, r, n));
            }
            for (PurposeVolume volume : volumes) {
                if (purpose.id().equals(volume.purposeId())) {
                    disclosures += "DISCLOSE".equals(volume.action()) ? volume.count() : 0;
                    denials += "DENY".equals(volume.action()) ? volume.count() : 0;
                }
            }
            activities.add(new ProcessingRegister.Activity(purpose.processingActivity(), purpose.id(), purpose.name(),
                    purpose.legalBasis(), dpvLegalBasis(purpose.id(), kinds.contains(RecordKind.ZIEKMELDING)), "Leerlingen (leerplichtigen en"
                    + " jongeren tot 23 jaar) en, bij een melding, de melder op school",
                    kinds.stream().map(kind -> kind == RecordKind.ZIEKMELDING ? kind.name() + " (gezondheid, art. 9 AVG)"
                            : kind.name()).toList(), categories,
                    kinds.contains(RecordKind.ZIEKMELDING)
                            || categories.stream().anyMatch(ProcessingRegister.DataCategory::special), lines,
                    retention.getOrDefault(purpose.id(), "Zolang een doel het nodig heeft, ten hoogste 5 jaar;"
                            + " het logboek ten minste 5 jaar"),
                    measures(purpose.id(), rules, forbids, fields), disclosures, denials));
        }
        return new ProcessingRegister(CONTROLLER, set.version(), PolicyFingerprint.key(set), generatedAt, activities,
                GENERAL_MEASURES);
    }

    private static long count(List<PurposeVolume> volumes, String recipient, String purpose, String action) {
        return volumes.stream().filter(v -> recipient.equals(v.recipientId()) && purpose.equals(v.purposeId())
                && action.equals(v.action())).mapToLong(PurposeVolume::count).sum();
    }

    private static List<String> measures(String purposeId, List<DisclosureRule> rules, List<DisclosureRule> forbids,
                                         Map<DataField, FieldTreatment> fields) {
        Set<String> measures = new LinkedHashSet<>();
        if (rules.isEmpty() && STATISTICS_PURPOSE.equals(purposeId)) {
            measures.add("Alleen geaggregeerde tellingen (leerplichttelling) per gemeente, samenwerkingsverband en"
                    + " schooljaar; geen gegevens van afzonderlijke leerlingen");
            measures.add("Cellen onder 5 onderdrukt voor iedere ontvanger behalve de gemeente zelf");
            measures.add("Elk verzoek om cijfers staat in het logboek voordat het antwoord vertrekt");
            return List.copyOf(measures);
        }
        if (rules.isEmpty()) {
            measures.add("Geen verstrekking van leerlinggegevens: alleen inzage in het logboek");
            return List.copyOf(measures);
        }
        measures.add("Velden beperkt tot " + fields.size() + " van " + DataField.values().length);
        if (fields.containsValue(FieldTreatment.PSEUDONYMISE)) {
            measures.add("BSN en onderwijsnummer vervangen door een pseudoniem per ontvanger");
        }
        if (fields.containsValue(FieldTreatment.BIRTH_YEAR) || fields.containsValue(FieldTreatment.AGE)) {
            measures.add("Geboortedatum gegeneraliseerd tot geboortejaar of leeftijd");
        }
        for (DisclosureRule rule : rules) {
            measures.add("Alleen binnen de eigen reikwijdte (" + rule.scope() + ")");
            if (rule.mazl()) {
                measures.add("Alleen als het M@ZL-criterium is bereikt (" + rule.id() + ")");
            }
            if (rule.identifiableWith() != null) {
                measures.add("Identificerend alleen met de wettelijke schakelaar '" + rule.identifiableWith()
                        + "'; anders een pseudoniem");
            }
        }
        for (DisclosureRule forbid : forbids) {
            measures.add("Verbod " + forbid.id() + ": " + (forbid.forbidsWholeRecord() ? "geen verstrekking"
                    : "nooit " + forbid.forbiddenFields().stream().map(DataField::jsonName).sorted().toList()));
        }
        return List.copyOf(measures);
    }

    /** The DPV personal-data category a field maps to (documented in docs/dashboard.md). */
    static String dpvCategory(DataField field, FieldTreatment treatment, boolean health) {
        if (treatment == FieldTreatment.PSEUDONYMISE) {
            return "dpv:PseudonymisedData";
        }
        if (health) {
            return "dpv-pd:HealthRecord";
        }
        switch (field.sensitivity()) {
            case IDENTIFYING:
                return "dpv-pd:OfficialID";
            case PSEUDONYMOUS:
                return "dpv:PseudonymisedData";
            case SPECIAL_CATEGORY:
                return "dpv:SpecialCategoryPersonalData";
            default:
                return "dpv:PersonalData";
        }
    }

    /** The GDPR article (DPV's eu-gdpr legal bases) a purpose rests on. */
    static String dpvLegalBasis(String purposeId, boolean health) {
        if ("toezicht".equals(purposeId)) {
            return "eu-gdpr:A6-1-c";
        }
        return health ? "eu-gdpr:A6-1-e; eu-gdpr:A9-2-h" : "eu-gdpr:A6-1-e";
    }
}
