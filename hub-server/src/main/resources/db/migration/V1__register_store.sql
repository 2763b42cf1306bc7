-- What the register connector stores. Versions V1, V2 belong to hub-server and V3 to dpia: migrations from all
-- modules share one numbering, so pick the next free number across modules.

-- The register's cursor: the VolgendVolgnummer to ask for next. Moved in the same transaction as the page's changes.
create table register_cursor (
    id            smallint primary key check (id = 1),
    next_sequence bigint not null,
    updated_at    timestamptz not null
);
insert into register_cursor (id, next_sequence, updated_at) values (1, 0, now());

-- The latest state of every register object. A lower or equal version never replaces what is stored.
-- payload is the full state under the feed's field names; it is erased (null) once the source withdraws the object.
create table register_record (
    kind         text not null,
    record_id    text not null,
    version      integer not null,
    action       text not null,
    sequence     bigint not null,
    occurred_at  timestamptz not null,
    municipality text,
    partnership  text,
    payload      json,
    stored_at    timestamptz not null,
    primary key (kind, record_id)
);

-- Pages refused by validation, kept as received for inspection and retry. The same page served again is counted,
-- not stored twice.
create table register_quarantine (
    id             bigserial primary key,
    requested_from bigint not null,
    first_seen_at  timestamptz not null,
    last_seen_at   timestamptz not null,
    times_seen     integer not null default 1,
    reason         text not null,
    body_sha256    text not null unique,
    body           bytea not null
);
