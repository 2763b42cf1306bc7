package nl.verzuimhub.server.cluster;

import nl.verzuimhub.core.port.QuarantinedPage;
import nl.verzuimhub.core.port.RegisterPageStore;
import nl.verzuimhub.core.record.RegisterPage;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The register store as the poller uses it when several instances share the database: every write opens the
 * transaction, checks in it that this instance holds the register lease ({@link RegisterLeadership#fence}), and then
 * lets the real store do its work inside that same transaction. Reading the cursor is not fenced.
 */
public final class LeaderOnlyPageStore implements RegisterPageStore {
    private final RegisterPageStore store;
    private final RegisterLeadership leadership;
    private final TransactionTemplate tx;

    /** @param store joins the transaction this class opens (the hub's ingest does: it is {@code @Transactional}) */
    public LeaderOnlyPageStore(RegisterPageStore store, RegisterLeadership leadership, TransactionTemplate tx) {
        this.store = store;
        this.leadership = leadership;
        this.tx = tx;
    }

    @Override
    public long nextSequence() {
        return store.nextSequence();
    }

    @Override
    public int store(RegisterPage page) {
        Integer changed = tx.execute(status -> {
            leadership.fence();
            return store.store(page);
        });
        return changed == null ? 0 : changed;
    }

    @Override
    public void quarantine(QuarantinedPage page) {
        tx.executeWithoutResult(status -> {
            leadership.fence();
            store.quarantine(page);
        });
    }
}
