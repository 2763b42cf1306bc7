package nl.verzuimhub.connectors.register;

/**
 * What {@link RegisterPageHandler#handle(long, byte[])} did with one page.
 *
 * <p>Either the page was <em>stored</em>: {@code quarantined} is false, {@code reason} is null, {@code mutations} is the
 * number of mutations on the page, {@code changed} how many of them changed stored state, and {@code nextSequence} the
 * cursor now stored. Or it was <em>quarantined</em>: {@code reason} says why, nothing was stored, the cursor stays at
 * {@code nextSequence == requestedFrom}, and the counts are 0.
 *
 * @param requestedFrom the {@code vanaf} the page answered
 * @param quarantined   true when the page was refused and kept aside
 * @param reason        why it was quarantined (names volgnummers and rules, never personal data); null when stored
 * @param mutations     how many mutations were stored (0 when quarantined)
 * @param changed       how many of them changed stored state, as the store reported (0 when quarantined)
 * @param nextSequence  the {@code vanaf} to ask for next
 * @param more          ask again at once: the register said {@code Meer} and the cursor moved forward. Always false
 *                      for a quarantined page, so a bad page never makes the poller loop
 */
public record PageOutcome(long requestedFrom, boolean quarantined, String reason, int mutations, int changed,
                          long nextSequence, boolean more) {

    public PageOutcome {
        if (quarantined) {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a quarantined page needs a reason");
            }
            if (more || mutations != 0 || changed != 0 || nextSequence != requestedFrom) {
                throw new IllegalArgumentException("a quarantined page stores nothing, keeps the cursor and stops the loop");
            }
        } else {
            if (reason != null) {
                throw new IllegalArgumentException("a stored page has no quarantine reason");
            }
            if (mutations < 0 || changed < 0) {
                throw new IllegalArgumentException("counts cannot be negative");
            }
        }
    }

    /** The page was stored and the cursor moved to {@code nextSequence}. */
    public static PageOutcome stored(long requestedFrom, int mutations, int changed, long nextSequence, boolean more) {
        return new PageOutcome(requestedFrom, false, null, mutations, changed, nextSequence, more);
    }

    /** The page was refused and quarantined; nothing stored, cursor unchanged. */
    public static PageOutcome quarantined(long requestedFrom, String reason) {
        return new PageOutcome(requestedFrom, true, reason, 0, 0, requestedFrom, false);
    }
}
