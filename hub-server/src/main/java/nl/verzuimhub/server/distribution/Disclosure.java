package nl.verzuimhub.server.distribution;

import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.policies.Permit;

/** A permitted disclosure of one mutation to one recipient, before it is stored for delivery. */
public record Disclosure(Recipient recipient, Permit permit, String subjectHash) {
}
