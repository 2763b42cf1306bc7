/**
 * Push delivery through a transactional outbox. {@link nl.verzuimhub.server.outbox.Outbox} queues a delivery row's push
 * task and its audit evidence (an item of a "push queued" entry) in the transaction that wrote the row (called by
 * DeliveryRepository only); {@link nl.verzuimhub.server.outbox.Dispatcher} delivers per recipient lane, in order, at
 * least once, through the recipient's connector ({@link nl.verzuimhub.server.outbox.PushConnectors}); dead letters are
 * listed and replayed by {@link nl.verzuimhub.server.outbox.DeadLetterController}. Tables: V30__outbox.sql.
 */
package nl.verzuimhub.server.outbox;
