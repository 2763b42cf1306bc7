-- The outbox now finds the rows it queues by delivery id (primary key), so nothing looks a delivery up by its
-- decision id any more. The index cost about half of each delivery insert (random UUID keys; issue G, measured in
-- docs/benchmarks.md). Decision ids stay in the rows and in the audit log.
drop index if exists delivery_decision;
