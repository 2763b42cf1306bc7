-- Signed checkpoints of the audit chain (issue 5): the chain head (last entry id and hash) signed with Ed25519. The
-- signed text is fixed (nl.verzuimhub.dpia.Checkpoint#signedPayload); public_key is the signer's X.509 key, stored
-- for convenience only: a verifier must use a key it got from the hub's operator, not this column.
create table audit_checkpoint (
    id            bigserial primary key,
    last_entry_id bigint not null,
    last_hash     bytea not null,
    signed_at     timestamptz not null,
    key_id        text not null,
    signature     bytea not null,
    algorithm     text not null default 'Ed25519',
    public_key    bytea not null
);
create trigger audit_checkpoint_no_update_or_delete before update or delete on audit_checkpoint
    for each row execute function audit_entry_is_append_only();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
    for each statement execute function audit_entry_is_append_only();
