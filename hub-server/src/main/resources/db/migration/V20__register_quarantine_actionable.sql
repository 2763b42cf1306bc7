-- Issue 4 (register connector): quarantined pages become visible and actionable.
-- * size_bytes: the page's size (for a page over the size limit: at least this many bytes; its body is not kept).
-- * body may be null: a page over the size limit is never read whole, so there is nothing to keep.
-- * resolved_at: set when a page at the same or a later position has since passed; open rows are the alerts.
-- * the same page is recognised per position (requested_from) and content hash, so an oversized page (no body)
--   served again at the same position counts as another attempt of the same row.
alter table register_quarantine
    alter column body drop not null,
    add column size_bytes bigint,
    add column resolved_at timestamptz,
    drop constraint register_quarantine_body_sha256_key,
    add constraint register_quarantine_page_key unique (requested_from, body_sha256);
update register_quarantine set size_bytes = octet_length(body);
alter table register_quarantine alter column size_bytes set not null;
create index register_quarantine_open on register_quarantine (requested_from) where resolved_at is null;
