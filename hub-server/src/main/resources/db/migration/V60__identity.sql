-- Identity (issue E). The embedded authorization server's signing keys: shared by every instance and kept across
-- restarts. The private key is sealed with AES-GCM under hub.security.key-encryption-key (never stored in clear);
-- kek_fingerprint names the key that sealed it, so a wrong key-encryption key is reported as such.
create table signing_key (
    kid                text primary key,
    algorithm          text not null,
    public_jwk         text not null,
    -- 12-byte nonce || ciphertext || tag; erased (null) once the key is retired
    private_key_sealed bytea,
    kek_fingerprint    text not null,
    created_at         timestamptz not null,
    -- set when a newer key replaced it: it verifies until then (the overlap), then is retired
    retire_at          timestamptz,
    retired_at         timestamptz
);

-- OAuth2 clients of the hub and the recipient each one is. Rows come from hub.recipients (source CONFIGURATION,
-- written again at every start: configuration overrides) or from the client API (source RUNTIME). Secrets are kept
-- only as a bcrypt hash. A revoked client gets no new tokens and its existing tokens are refused.
create table client_registration (
    client_id         text primary key,
    organisation_type text not null,
    organisation_code text not null,
    organisation_name text not null,
    role              text not null,
    purposes          text[] not null,
    secret_hash       text,
    source            text not null check (source in ('CONFIGURATION', 'RUNTIME')),
    revoked           boolean not null default false,
    revoked_at        timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);
