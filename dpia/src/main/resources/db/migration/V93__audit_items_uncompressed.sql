-- A feed page's or push batch's items (V91) are hashes, ids and UUIDs that do not compress: pglz tried on every
-- append and gained almost nothing (3,000 feed entries of about 13 KB: 46 MB either way), yet compressing was about
-- a third of the insert's time (1.19-1.37 s against 0.73-0.77 s with the GIN index; docs/benchmarks.md). Stored
-- out of line uncompressed instead. Applies to every partition, and partitions made later inherit it.
alter table audit_entry
    alter column item_subjects        set storage external,
    alter column item_delivery_ids    set storage external,
    alter column item_decision_ids    set storage external,
    alter column item_kinds           set storage external,
    alter column item_record_ids      set storage external,
    alter column item_versions        set storage external,
    alter column item_actions         set storage external,
    alter column item_policy_ids      set storage external,
    alter column item_policy_versions set storage external,
    alter column item_fields          set storage external;
