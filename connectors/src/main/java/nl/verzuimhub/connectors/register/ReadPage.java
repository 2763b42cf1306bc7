package nl.verzuimhub.connectors.register;

import java.util.Objects;
import java.util.OptionalLong;
import nl.verzuimhub.core.port.QuarantinedPage;
import nl.verzuimhub.core.record.RegisterPage;

/**
 * What {@link RegisterPageHandler#read} made of one page, before anything was stored or quarantined: either a page
 * ready to store ({@link #page} set, {@link #refusal} null) or a refused page to quarantine ({@link #refusal} set, with
 * its reason and the body as received; {@link #page} null). Holds the body of a refused page, so it is never logged.
 *
 * @param requestedFrom the {@code vanaf} the page answered
 * @param page          the checked and mapped page, or null when refused
 * @param refusal       the page as it is to be quarantined, or null when ready to store
 * @param readMillis    how long parsing, checking and mapping took
 */
public record ReadPage(long requestedFrom, RegisterPage page, QuarantinedPage refusal, long readMillis) {
    public ReadPage {
        if ((page == null) == (refusal == null)) {
            throw new IllegalArgumentException("a read page is either ready to store or refused");
        }
    }

    static ReadPage storable(RegisterPage page, long readMillis) {
        Objects.requireNonNull(page, "page");
        return new ReadPage(page.requestedFrom(), page, null, readMillis);
    }

    static ReadPage refused(QuarantinedPage refusal) {
        return new ReadPage(refusal.requestedFrom(), null, refusal, 0);
    }

    /** True when the page is to be quarantined. */
    public boolean refused() {
        return refusal != null;
    }

    /**
     * The {@code vanaf} of the page to ask for at once after this one is stored: present only when the page is ready to
     * store, the register says {@code Meer}, and the cursor moves forward (so a page never leads to asking for itself
     * again).
     */
    public OptionalLong followingPage() {
        return page != null && page.more() && page.nextSequence() > requestedFrom
                ? OptionalLong.of(page.nextSequence()) : OptionalLong.empty();
    }

    /** Names the position and the outcome only: the mutations and a refused body hold personal data. */
    @Override
    public String toString() {
        return refused() ? "ReadPage[vanaf=" + requestedFrom + ", refused]"
                : "ReadPage[vanaf=" + requestedFrom + ", " + page.mutations().size() + " mutations, next="
                + page.nextSequence() + ", more=" + page.more() + "]";
    }
}
