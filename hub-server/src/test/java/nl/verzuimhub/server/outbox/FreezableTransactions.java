package nl.verzuimhub.server.outbox;

import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;

/**
 * An instance's transaction manager that can be frozen: from {@link #freeze} on, every thread that begins a
 * transaction stops there (holding no connection and no lock) until {@link #thaw}. To the database and to the other
 * instance this looks exactly like a process that died, or hangs in a long pause, between two transactions: a
 * dispatcher frozen right after a send never records that the batch arrived.
 */
final class FreezableTransactions extends DataSourceTransactionManager {
    private volatile CountDownLatch frozen;

    FreezableTransactions(DataSource dataSource) {
        super(dataSource);
    }

    void freeze() {
        frozen = new CountDownLatch(1);
    }

    void thaw() {
        CountDownLatch latch = frozen;
        frozen = null;
        if (latch != null) {
            latch.countDown();
        }
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        CountDownLatch latch = frozen;
        if (latch != null) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CannotCreateTransactionException("the instance was stopped while frozen");
            }
        }
        super.doBegin(transaction, definition);
    }
}
