-- Entries with items (issue G, hash format 3): one entry per served feed page records every item of the page. The
-- page-wide parts stay in the ordinary columns (recipient, organisation, role, purpose, legal basis, channel, time,
-- trace); each item's own parts are one element of these parallel arrays, in the page's order (element i of every
-- item_* column is item i). All are null for entries without items (formats 1 and 2). The hash (format 3, see
-- nl.verzuimhub.dpia.AuditChain) covers every element, so an item cannot be added, dropped or changed unnoticed.
--
-- item_subjects is what makes a subject's feed disclosures findable: a GIN index per partition (a partitioned index:
-- PostgreSQL creates it on every existing partition and on every partition audit_ensure_partition attaches later).
-- Subject search must never depend on the delivery table: delivery rows are erased by retention long before the
-- audit log's entries are.
alter table audit_entry
    add column item_subjects        text[] collate "C",
    add column item_delivery_ids    bigint[],
    add column item_decision_ids    text[],
    add column item_kinds           text[],
    add column item_record_ids      text[],
    add column item_versions        integer[],
    add column item_actions         text[],
    add column item_policy_ids      text[],
    add column item_policy_versions text[],
    -- per item its field names joined by commas (a field name holds no comma)
    add column item_fields          text[];

create index audit_entry_item_subjects on audit_entry using gin (item_subjects) where item_subjects is not null;
