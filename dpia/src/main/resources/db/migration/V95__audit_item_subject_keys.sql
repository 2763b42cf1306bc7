-- The GIN index that finds a subject's items (V91) indexes a 64-bit key per subject instead of the subject's
-- 64-character hex text (issue G). Every feed page and push batch appends an entry of about 100 items, and inserting
-- their 100 text keys was most of the entry's insert: 3,000 entries of 100 items into a copy of the partition took
-- 0.63-0.65 ms each with the text index, 0.30-0.33 ms with this one, 0.13-0.14 ms with none (docs/benchmarks.md).
--
-- audit_subject_keys gives one key per subject, hashtextextended(subject, 0): the 64-bit hash PostgreSQL itself
-- uses for hash partitions, fixed across versions (dump and restore rebuild the index with the same function anyway).
-- Two subjects may share a key, so a search asks for the key (the index) AND for the subject itself (a recheck on the
-- row): audit_subject_keys(item_subjects) @> audit_subject_keys(array[s]) and item_subjects @> array[s]. The index
-- is derived from item_subjects, which the chain's hash covers, so it adds nothing that could be tampered with alone.
create function audit_subject_keys(subjects text[]) returns bigint[]
    language sql immutable strict parallel safe
    as $$ select array(select hashtextextended(s, 0) from unnest(subjects) as s) $$;

create index audit_entry_item_subject_keys on audit_entry using gin (audit_subject_keys(item_subjects))
    where item_subjects is not null;
drop index audit_entry_item_subjects;
