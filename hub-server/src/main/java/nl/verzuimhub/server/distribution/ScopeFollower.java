package nl.verzuimhub.server.distribution;

import java.util.List;
import nl.verzuimhub.core.record.Enrolment;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.core.record.RecordKind;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.policies.DecisionFacts;
import nl.verzuimhub.policies.Deny;
import nl.verzuimhub.policies.PolicyEngine;
import nl.verzuimhub.server.recipients.RecipientDirectory;
import nl.verzuimhub.server.register.StoredRecords;

/**
 * Scope follows the child. When a record version shows the pupil in another municipality of residence or at a
 * school of another samenwerkingsverband than the hub's stored data, the new scope receives from that version on
 * (ordinary distribution does that), and every recipient that still holds <b>any</b> record of that pupil (found by
 * the pupil's keyed hash) and may no longer hold it gets a retraction of exactly that record, and nothing more:
 * <ul>
 *   <li>the changed record itself: a holder that the new version is not disclosed to is retracted;</li>
 *   <li>the pupil's other records, stored with the old residence or school: each is re-decided for its holder as if
 *       it showed the pupil's new residence and school; a holder that would now be denied is retracted. The new scope
 *       does not receive those older records.</li>
 * </ul>
 * It reads and retracts through {@link Holdings}: in ingest the register page's view of the tables, which sees
 * every earlier mutation of the page as written (retractions are written as delivery rows with the page, so push
 * delivery sends them like any other). Plain class; does no I/O of its own.
 */
public final class ScopeFollower {
    /** What the follower reads and changes: the deliveries held and the stored records, as of the current mutation. */
    public interface Holdings {
        /**
         * Every record of the pupil (by subject hash) some recipient holds (a delivery not withdrawn or retracted),
         * per recipient, purpose and legal basis, with the location its stored version shows; ordered by kind, record
         * id, recipient and purpose. Includes the current mutation's deliveries.
         */
        List<DeliveryRepository.HeldAt> heldBySubjectWithLocation(String subjectHash);

        /** As {@link StoredRecords#find} with a kind: the record's current stored state, unless withdrawn. */
        List<StoredRecords.Stored> find(RecordKind kind, String recordId);

        /**
         * Scope moved away from one recipient: its deliveries of the record (for that purpose) stop being served and
         * lose their data, and it gets one retraction carrying only the record's id and {@code version}; false when
         * it held nothing of the record.
         */
        boolean retractFor(DeliveryRepository.Held held, int version, String subjectHash, String policyVersion);
    }

    private final PolicyEngine engine;
    private final RecipientDirectory recipients;

    public ScopeFollower(PolicyEngine engine, RecipientDirectory recipients) {
        this.engine = engine;
        this.recipients = recipients;
    }

    /**
     * @param before      the record's stored location before this version, or null for a new record
     * @param disclosures what this version was just disclosed to
     * @return the number of retractions queued
     */
    public int follow(Mutation mutation, StoredRecords.Location before, List<Disclosure> disclosures,
                      String subjectHash, DecisionFacts facts, Holdings holdings) {
        RegisterRecord record = mutation.record();
        StoredRecords.Location after = location(record);
        int retracted = 0;
        for (DeliveryRepository.HeldAt heldAt : holdings.heldBySubjectWithLocation(subjectHash)) {
            DeliveryRepository.Held held = heldAt.held();
            Recipient recipient = recipients.find(held.recipientId()).orElse(null);
            if (recipient == null) {
                continue;
            }
            boolean same = held.kind().equals(record.kind().name()) && held.recordId().equals(record.id());
            if (same) {
                if (before != null && !before.equals(after) && !receives(disclosures, held)) {
                    retracted += retract(holdings, held, record.version(), subjectHash);
                }
                continue;
            }
            if (heldAt.stored() == null || heldAt.stored().equals(after)) {
                continue; // withdrawn, or stored where the pupil is now: nothing to re-decide (no read of the record)
            }
            for (StoredRecords.Stored other : holdings.find(RecordKind.valueOf(held.kind()), held.recordId())) {
                if (other.location().equals(after)) {
                    continue;
                }
                RegisterRecord moved = Relocation.of(other.record(), record.pupil().municipality(),
                        record.pupil().postcode(), record.school().orElse(null));
                if (engine.decide(moved, recipient, held.purposeId(), facts) instanceof Deny) {
                    retracted += retract(holdings, held, other.record().version(), subjectHash);
                }
            }
        }
        return retracted;
    }

    private int retract(Holdings holdings, DeliveryRepository.Held held, int version, String subjectHash) {
        return holdings.retractFor(held, version, subjectHash, engine.policySet().version()) ? 1 : 0;
    }

    private static boolean receives(List<Disclosure> disclosures, DeliveryRepository.Held held) {
        for (Disclosure disclosure : disclosures) {
            if (disclosure.recipient().clientId().equals(held.recipientId())
                    && disclosure.permit().purpose().id().equals(held.purposeId())) {
                return true;
            }
        }
        return false;
    }

    static StoredRecords.Location location(RegisterRecord record) {
        return new StoredRecords.Location(record.pupil().municipality(),
                record.school().map(Enrolment::partnership).orElse(null));
    }
}
