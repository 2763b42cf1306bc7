package nl.verzuimhub.core.record;

import java.util.List;

/**
 * One validated page of the register's change feed.
 *
 * @param requestedFrom the {@code vanaf} this page answered
 * @param mutations     in feed order (strictly increasing sequence)
 * @param nextSequence  the VolgendVolgnummer: the cursor to store once the page's changes are stored
 * @param more          true when the register has more right now: ask again at once
 */
public record RegisterPage(long requestedFrom, List<Mutation> mutations, long nextSequence, boolean more) {
    public RegisterPage {
        mutations = List.copyOf(mutations);
    }
}
