-- Identity (issue E). The shared state of people's logins, so every hub instance sees the same: the last TOTP step
-- each person used (a code is good for one login only) and the count of consecutive failed logins, which locks the
-- person out until locked_until after too many. Rows exist only for configured people (hub.people), never for
-- whatever username a stranger types.
create table person_login (
    username        text primary key,
    last_totp_step  bigint,
    failed_attempts integer not null default 0,
    locked_until    timestamptz,
    updated_at      timestamptz not null
);
