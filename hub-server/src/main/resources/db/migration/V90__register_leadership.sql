-- Scale-out (issue G, range V90-V99). Several hub instances share one database; exactly one of them polls the
-- register and ingests (the single writer of register records and delivery rows). It holds this row's lease and
-- renews it; when it stops renewing (it died or hangs), another instance takes the row over after lease_until.
-- Times are the database's (now()), so the instances' clocks do not matter. term counts the changes of holder.
create table register_leadership (
    id          smallint primary key check (id = 1),
    holder      text,
    lease_until timestamptz,
    term        bigint not null default 0,
    acquired_at timestamptz
);
insert into register_leadership (id) values (1);
