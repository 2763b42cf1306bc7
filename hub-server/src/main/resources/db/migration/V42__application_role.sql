-- The application's database role (issue 5). Flyway migrates as the schema owner; the hub connects as
-- verzuimhub_app, which may read and write the hub's tables but only read and append the audit log: no UPDATE,
-- DELETE or TRUNCATE on audit_entry or audit_checkpoint (the append-only triggers refuse the owner as well). The
-- chain head may only be moved forward (its trigger), never removed. In embedded mode the hub creates the role
-- with LOGIN before migrating; for an external database the DBA creates it (docs/architecture.md). A missing role
-- is created here without LOGIN, so that the grants below always apply.
do $$
begin
    if not exists (select from pg_roles where rolname = 'verzuimhub_app') then
        create role verzuimhub_app nologin;
    end if;
end;
$$;

grant usage on schema public to verzuimhub_app;
grant select, insert, update, delete on all tables in schema public to verzuimhub_app;
grant usage, select on all sequences in schema public to verzuimhub_app;
-- Tables the owner creates later (other migrations) are the application's to use as well.
alter default privileges in schema public grant select, insert, update, delete on tables to verzuimhub_app;
alter default privileges in schema public grant usage, select on sequences to verzuimhub_app;

-- The audit log: read and append only. Its month partitions are reached through audit_entry only; the partition
-- function strips any privilege a new partition would inherit from the default privileges above.
revoke update, delete, truncate on audit_entry, audit_checkpoint from verzuimhub_app;
revoke delete, truncate on audit_chain_head from verzuimhub_app;
do $$
declare
    partition_name text;
begin
    for partition_name in select inhrelid::regclass::text from pg_inherits where inhparent = 'audit_entry'::regclass loop
        execute format('revoke all on %s from verzuimhub_app', partition_name);
    end loop;
    if to_regclass('flyway_schema_history') is not null then
        revoke all on flyway_schema_history from verzuimhub_app;
    end if;
end;
$$;

grant execute on function audit_ensure_partition(date) to verzuimhub_app;
