-- A batch holds its items' delivery ids (ascending, as sent), and a task leaves outbox_task when it is put in a batch.
-- Before, forming a batch updated every task's batch_id: a new tuple and three index entries per task (about 16
-- buffer touches each over a national year, docs/benchmarks.md); a delete marks the tuple only. outbox_task is now
-- the queue of tasks not yet in a batch.
alter table outbox_batch add column delivery_ids bigint[];
update outbox_batch b
   set delivery_ids = coalesce((select array_agg(t.delivery_id order by t.delivery_id)
                                  from outbox_task t where t.batch_id = b.id), '{}');
alter table outbox_batch alter column delivery_ids set not null;
delete from outbox_task where batch_id is not null;
drop index outbox_task_unbatched;
drop index outbox_task_batch;
alter table outbox_task drop column batch_id;
create index outbox_task_queue on outbox_task (recipient_id, delivery_id);

-- Every push task, queued or in a batch (batch_id null while queued), for operators, tests and the load harness.
create view outbox_item as
    select t.delivery_id, t.recipient_id, null::bigint as batch_id from outbox_task t
    union all
    select u.delivery_id, b.recipient_id, b.id from outbox_batch b cross join unnest(b.delivery_ids) as u(delivery_id);
