package nl.verzuimhub.bench.policy;

import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.recipient.Recipient;

/** One question put to every engine: may {@code recipient} see {@code record} for {@code purposeId}, and what of it. */
record DecisionInput(RegisterRecord record, Recipient recipient, String purposeId) {
}
