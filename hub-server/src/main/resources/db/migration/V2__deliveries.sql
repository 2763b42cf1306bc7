-- Every permitted disclosure, decided when the record arrived: one row per recipient, purpose and record version,
-- holding exactly the minimised view the policy allowed. The pull feed reads these rows in id order; audit entries
-- are written when a row is actually served.
create table delivery (
    id             bigserial primary key,
    recipient_id   text not null,
    purpose_id     text not null,
    legal_basis    text not null,
    kind           text not null,
    record_id      text not null,
    version        integer not null,
    action         text not null,
    rule_id        text,
    policy_version text not null,
    decision_id    text not null,
    subject_hash   text not null,
    fields         text[] not null,
    data           json,
    -- true once the source withdrew the record: the row is no longer served and its data is erased
    withdrawn      boolean not null default false,
    created_at     timestamptz not null
);
create index delivery_feed on delivery (recipient_id, purpose_id, id) where not withdrawn;
create index delivery_record on delivery (kind, record_id);
