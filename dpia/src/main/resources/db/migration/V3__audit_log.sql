-- The disclosure (audit) log: append-only and hash-chained. Owned by the dpia module.
-- Each entry's hash is SHA-256(previous_hash || canonical form), computed in the application (AuditChain);
-- audit_chain_head holds the last id and hash, and its row lock makes appends one-at-a-time.
create table audit_entry (
    id              bigint primary key,
    occurred_at     timestamptz not null,
    action          text not null,
    outcome         text not null,
    channel         text,
    recipient_id    text,
    organisation    text,
    role            text,
    purpose_id      text,
    legal_basis     text,
    policy_id       text,
    policy_version  text,
    decision_id     text,
    record_kind     text,
    record_id       text,
    record_version  integer,
    subject_hash    text,
    fields          text[],
    reason          text,
    previous_hash   bytea not null,
    hash            bytea not null
);
create index audit_entry_subject on audit_entry (subject_hash, id) where subject_hash is not null;
create index audit_entry_recipient on audit_entry (recipient_id, occurred_at);
create index audit_entry_time on audit_entry (occurred_at);

create table audit_chain_head (
    id        smallint primary key check (id = 1),
    last_id   bigint not null,
    last_hash bytea not null
);
insert into audit_chain_head (id, last_id, last_hash) values (1, 0, decode(repeat('00', 32), 'hex'));

-- Append-only: no entry is ever changed or removed, whoever asks.
create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit entries are append-only: % refused', tg_op;
end;
$$;
create trigger audit_entry_no_update_or_delete before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();
