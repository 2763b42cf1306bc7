package nl.verzuimhub.server.distribution;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.core.recipient.Recipient;
import nl.verzuimhub.dpia.SubjectHasher;
import nl.verzuimhub.policies.Decision;
import nl.verzuimhub.policies.DecisionFacts;
import nl.verzuimhub.policies.PolicyEngine;
import nl.verzuimhub.policies.Permit;

/**
 * The distribution step: asks the policy engine, for every recipient and every purpose it holds, whether the
 * mutation's record may go there, and returns the permits. Denials are the default and are not kept: a record that
 * is out of someone's scope is simply not theirs. Plain class; does no I/O.
 */
public final class Distributor {
    private final PolicyEngine engine;
    private final Supplier<? extends Collection<Recipient>> recipients;
    private final SubjectHasher subjectHasher;

    /**
     * @param recipients asked once per mutation, so a client registered while the hub runs receives from the next
     *                   mutation on
     */
    public Distributor(PolicyEngine engine, Supplier<? extends Collection<Recipient>> recipients,
                       SubjectHasher subjectHasher) {
        this.engine = engine;
        this.recipients = recipients;
        this.subjectHasher = subjectHasher;
    }

    /** Decides without pupil history (see {@link #distribute(Mutation, DecisionFacts)}). */
    public List<Disclosure> distribute(Mutation mutation) {
        return distribute(mutation, DecisionFacts.NONE);
    }

    /** @param facts the pupil's history, for rules with a condition such as the M@ZL criterion; read lazily */
    public List<Disclosure> distribute(Mutation mutation, DecisionFacts facts) {
        List<Disclosure> disclosures = new ArrayList<>();
        String subjectHash = null;
        for (Recipient recipient : recipients.get()) {
            Set<String> purposes = engine.disclosurePurposes(recipient.role());
            for (String purposeId : recipient.purposes()) {
                if (!purposes.contains(purposeId)) {
                    continue;
                }
                Decision decision = engine.decide(mutation.record(), recipient, purposeId, facts);
                if (decision instanceof Permit permit) {
                    if (subjectHash == null) {
                        subjectHash = subjectHasher.hash(mutation.record().pupil().identifier().value());
                    }
                    disclosures.add(new Disclosure(recipient, permit, subjectHash));
                }
            }
        }
        return disclosures;
    }
}
