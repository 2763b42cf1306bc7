package nl.verzuimhub.core.port;

import nl.verzuimhub.core.record.RegisterPage;

/**
 * Where the register connector puts what it fetched. Implemented by the server's persistence.
 *
 * <p>Contract: {@link #store} is all or nothing: the page's changes and the new cursor
 * ({@link RegisterPage#nextSequence()}) are committed in one transaction, or neither is. Storing a mutation whose
 * {@code (kind, id, version)} is already stored, or older than what is stored, changes nothing.
 */
public interface RegisterPageStore {

    /** The {@code vanaf} to ask the register for next: the stored cursor, or 0 before the first page. */
    long nextSequence();

    /** Stores a validated page and moves the cursor; returns how many mutations changed stored state. */
    int store(RegisterPage page);

    /** Keeps a page that failed validation, with its reason; the cursor does not move and nothing is disclosed. */
    void quarantine(QuarantinedPage page);
}
