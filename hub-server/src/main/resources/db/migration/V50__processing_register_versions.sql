-- Dashboard (issue D): the processing register (AVG art. 30) is generated from the policy set in force; each
-- distinct policy set (version + content hash) gets one stored snapshot, so earlier registers stay readable.
create table processing_register_version (
    policy_version  text not null,
    content_hash    text not null,
    first_seen_at   timestamptz not null,
    document        text not null,
    primary key (policy_version, content_hash)
);
