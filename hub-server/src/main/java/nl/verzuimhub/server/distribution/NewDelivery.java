package nl.verzuimhub.server.distribution;

import java.util.List;

/**
 * A delivery row decided during a register page, written when the page is written ({@link PageDeliveries}). Rows
 * are written in the order they were decided, so delivery ids follow the register's sequence within a recipient, and
 * a retraction comes after what it retracts. {@code withdrawn} is set when a later mutation of the same page
 * withdrew the row before it was written: it is then written withdrawn and without data, as the old
 * write-then-update would have left it.
 */
final class NewDelivery {
    final String recipientId;
    final String purposeId;
    final String legalBasis;
    final String kind;
    final String recordId;
    final int version;
    final String action;
    final String ruleId;
    final String policyVersion;
    final String decisionId;
    final String subjectHash;
    final List<String> fields;
    /** The view as JSON; null for a retraction, or once withdrawn. */
    String data;
    boolean withdrawn;

    NewDelivery(String recipientId, String purposeId, String legalBasis, String kind, String recordId, int version,
                String action, String ruleId, String policyVersion, String decisionId, String subjectHash,
                List<String> fields, String data) {
        this.recipientId = recipientId;
        this.purposeId = purposeId;
        this.legalBasis = legalBasis;
        this.kind = kind;
        this.recordId = recordId;
        this.version = version;
        this.action = action;
        this.ruleId = ruleId;
        this.policyVersion = policyVersion;
        this.decisionId = decisionId;
        this.subjectHash = subjectHash;
        this.fields = fields;
        this.data = data;
    }

    boolean retraction() {
        return "INGETROKKEN".equals(action);
    }
}
