package nl.verzuimhub.server.dashboard.report;

import java.time.Instant;
import java.util.List;

/**
 * The processing register (AVG art. 30) as generated from the live policy set and the audit log's statistics.
 *
 * @param policySetVersion the policy set's version
 * @param policySetHash    SHA-256 of the policy set's content ({@link PolicyFingerprint}); with the version the key
 *                         under which this register is versioned
 */
public record ProcessingRegister(String controller, String policySetVersion, String policySetHash,
                                 Instant generatedAt, List<Activity> activities, List<String> generalMeasures) {

    /** One processing activity (verwerkingsactiviteit): one purpose with everything that flows under it. */
    public record Activity(String id, String purposeId, String purposeName, String legalBasis, String dpvLegalBasis,
                           String dataSubjects, List<String> recordKinds, List<DataCategory> dataCategories,
                           boolean specialCategories, List<RecipientLine> recipients, String retention,
                           List<String> measures, long disclosures, long denials) {
    }

    /**
     * A field disclosed under the activity.
     *
     * @param treatment ALLOW, PSEUDONYMISE or BIRTH_YEAR
     * @param special   a special category (AVG art. 9): health data, or free text that may hold it
     */
    public record DataCategory(String field, String label, String sensitivity, String treatment, boolean special,
                               String dpvCategory) {
    }

    public record RecipientLine(String clientId, String organisation, String role, long disclosures, long retractions,
                                long denials) {
    }
}
