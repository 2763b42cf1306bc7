package nl.verzuimhub.connectors.register;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.verzuimhub.core.port.QuarantinedPage;
import nl.verzuimhub.core.port.RegisterPageStore;
import nl.verzuimhub.core.record.RegisterPage;

/**
 * An in-memory {@link RegisterPageStore} that records every call. Thread-safe, since the route calls it from Camel's
 * timer thread while the test reads it. Reports every mutation as a change.
 */
final class FakeRegisterPageStore implements RegisterPageStore {
    final List<RegisterPage> stored = new CopyOnWriteArrayList<>();
    final List<QuarantinedPage> quarantined = new CopyOnWriteArrayList<>();
    final List<Long> cursorReads = new CopyOnWriteArrayList<>();
    private volatile long cursor;

    @Override
    public long nextSequence() {
        cursorReads.add(cursor);
        return cursor;
    }

    @Override
    public int store(RegisterPage page) {
        stored.add(page);
        cursor = page.nextSequence();
        return page.mutations().size();
    }

    @Override
    public void quarantine(QuarantinedPage page) {
        quarantined.add(page);
    }

    long cursor() {
        return cursor;
    }
}
