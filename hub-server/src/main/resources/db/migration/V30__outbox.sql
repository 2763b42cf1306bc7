-- The push outbox (issue C, range V30-V39). A delivery row of a recipient with push configured gets an outbox task in
-- the transaction that decided it (together with its audit entry); dispatchers deliver the tasks in batches.

-- One lane per push recipient. A dispatcher delivers a recipient's batches only while it holds the lane's lease
-- (claimed with FOR UPDATE SKIP LOCKED), so two dispatchers on one database never deliver for one recipient at the
-- same time, and a recipient's batches go out strictly in order.
create table outbox_lane (
    recipient_id text primary key,
    lease_owner  text,
    lease_until  timestamptz
);

-- A batch: consecutive tasks of one recipient under one idempotency key. Its content is fixed when it is formed, so
-- every retry sends the same items under the same key. PENDING until acknowledged (DELIVERED) or given up (DEAD).
create table outbox_batch (
    id              bigserial primary key,
    recipient_id    text not null,
    connector       text not null,
    idempotency_key text not null unique,
    status          text not null check (status in ('PENDING', 'DELIVERED', 'DEAD')),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    delivered_at    timestamptz,
    dead_at         timestamptz
);
create index outbox_batch_open on outbox_batch (recipient_id, id) where status <> 'DELIVERED';

-- One task per delivery row to push; batch_id is null until a dispatcher puts it in a batch.
create table outbox_task (
    delivery_id  bigint primary key references delivery (id),
    recipient_id text not null,
    batch_id     bigint references outbox_batch (id),
    created_at   timestamptz not null
);
create index outbox_task_unbatched on outbox_task (recipient_id, delivery_id) where batch_id is null;
create index outbox_task_batch on outbox_task (batch_id);

-- Every attempt and its outcome (DELIVERED, FAILED, DEAD, REPLAYED), without personal data.
create table outbox_attempt (
    id           bigserial primary key,
    batch_id     bigint not null references outbox_batch (id),
    attempt      integer not null,
    attempted_at timestamptz not null,
    dispatcher   text not null,
    outcome      text not null,
    detail       text
);
create index outbox_attempt_batch on outbox_attempt (batch_id, id);

-- The outbox finds the delivery rows an ingest just wrote by their decision ids.
create index delivery_decision on delivery (decision_id);
