package nl.verzuimhub.connectors.push;

/**
 * One recipient's way of receiving pushed batches.
 *
 * <p>Contract: {@link #deliver} makes exactly one attempt, never throws for a failure of the recipient's side (it
 * returns {@link DeliveryResult.Failed}), and never logs item data. Delivering the same batch again is harmless for
 * the recipient: the idempotency key (webhook) or the file name (file, sftp) is the same.
 */
public interface PushConnector {
    /** The connector type's stable id: {@code webhook}, {@code file} or {@code sftp}. */
    String id();

    /** Where it delivers, for logs and the dead-letter list; never holds a secret. */
    String target();

    DeliveryResult deliver(PushBatch batch);
}
