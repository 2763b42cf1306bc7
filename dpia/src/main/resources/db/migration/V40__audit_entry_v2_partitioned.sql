-- The audit log, version 2 (issue 5): every entry carries what Logboek Dataverwerkingen, VNG verwerkingenlogging and
-- NEN 7513 ask for (trace and span id, processing activity, acting user, on whose behalf), new entries are hashed in
-- format 2 (format 1 entries keep verifying in format 1), and audit_entry is partitioned by month (of occurred_at,
-- UTC). Month partitions are created ahead by the hub and on demand by every append, through
-- audit_ensure_partition, which runs with the owner's rights: the application's role needs no DDL.

alter table audit_entry rename to audit_entry_v3;
drop trigger audit_entry_no_update_or_delete on audit_entry_v3;
drop trigger audit_entry_no_truncate on audit_entry_v3;

create table audit_entry (
    id                  bigint not null,
    occurred_at         timestamptz not null,
    action              text not null,
    outcome             text not null,
    channel             text,
    recipient_id        text,
    organisation        text,
    role                text,
    purpose_id          text,
    legal_basis         text,
    policy_id           text,
    policy_version      text,
    decision_id         text,
    record_kind         text,
    record_id           text,
    record_version      integer,
    subject_hash        text,
    fields              text[],
    reason              text,
    previous_hash       bytea not null,
    hash                bytea not null,
    -- the canonical form the hash covers: 1 (before this migration) or 2 (with the columns below)
    hash_format         smallint not null default 1,
    trace_id            text,
    span_id             text,
    processing_activity text,
    acting_user         text,
    on_behalf_of        text,
    primary key (id, occurred_at)
) partition by range (occurred_at);

-- Append-only, on every partition too (row triggers are cloned to partitions; the truncate trigger is added to each).
create trigger audit_entry_no_update_or_delete before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();

-- Creates the partition for the month holding `month` (a date, read as UTC) unless it exists.
create function audit_ensure_partition(month date) returns void
    language plpgsql security definer set search_path = public, pg_temp as $$
declare
    first_day date := date_trunc('month', month)::date;
    partition_name text := 'audit_entry_' || to_char(first_day, 'YYYY_MM');
    grantee_name text;
begin
    if to_regclass(partition_name) is not null then
        return;
    end if;
    begin
        execute format('create table %I partition of audit_entry for values from (%L) to (%L)', partition_name,
                       to_char(first_day, 'YYYY-MM-DD') || ' 00:00:00+00',
                       to_char((first_day + interval '1 month')::date, 'YYYY-MM-DD') || ' 00:00:00+00');
        execute format('create trigger audit_entry_no_truncate before truncate on %I'
                       || ' for each statement execute function audit_entry_is_append_only()', partition_name);
        -- A partition is reached through audit_entry only: drop what default privileges may have granted on it.
        for grantee_name in select distinct grantee from information_schema.role_table_grants
                             where table_schema = 'public' and table_name = partition_name
                               and grantee <> current_user and grantee <> 'PUBLIC' loop
            execute format('revoke all on %I from %I', partition_name, grantee_name);
        end loop;
    exception when duplicate_table then
        null; -- another transaction created it first
    end;
end;
$$;
revoke all on function audit_ensure_partition(date) from public;

select audit_ensure_partition(month)
  from (select distinct (date_trunc('month', occurred_at at time zone 'UTC'))::date as month from audit_entry_v3
        union select (date_trunc('month', now() at time zone 'UTC'))::date
        union select (date_trunc('month', now() at time zone 'UTC') + interval '1 month')::date) months;

insert into audit_entry (id, occurred_at, action, outcome, channel, recipient_id, organisation, role, purpose_id,
                         legal_basis, policy_id, policy_version, decision_id, record_kind, record_id, record_version,
                         subject_hash, fields, reason, previous_hash, hash, hash_format)
select id, occurred_at, action, outcome, channel, recipient_id, organisation, role, purpose_id, legal_basis,
       policy_id, policy_version, decision_id, record_kind, record_id, record_version, subject_hash, fields, reason,
       previous_hash, hash, 1
  from audit_entry_v3;
drop table audit_entry_v3;

-- Search indexes (created on every partition): by subject in id order (the subject-access view and the dashboard),
-- by recipient over time, by time.
create index audit_entry_subject on audit_entry (subject_hash, id) where subject_hash is not null;
create index audit_entry_recipient on audit_entry (recipient_id, occurred_at);
create index audit_entry_time on audit_entry (occurred_at);

-- The chain head only moves forward and is never removed.
create function audit_chain_head_moves_forward() returns trigger language plpgsql as $$
begin
    if tg_op <> 'UPDATE' or new.last_id < old.last_id then
        raise exception 'the audit chain head only moves forward: % refused', tg_op;
    end if;
    return new;
end;
$$;
create trigger audit_chain_head_forward before update or delete on audit_chain_head
    for each row execute function audit_chain_head_moves_forward();
create trigger audit_chain_head_no_truncate before truncate on audit_chain_head
    for each statement execute function audit_entry_is_append_only();
