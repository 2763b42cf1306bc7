-- The subject index becomes a hash index (issue 5 benchmark, docs/benchmarks.md). Entries arrive in id order but
-- their subjects are random, so every append inserted into a random leaf of a B-tree keyed by a 64-character hex
-- string plus the id; a hash index stores a 4-byte hash code per entry, is a fraction of the size, and answers the
-- only question asked of it: "the entries of this subject" (subject access, the dashboard's search by BSN). Those
-- queries order a subject's few entries by id afterwards. Hash indexes do not hold nulls: entries without a subject
-- are not in it, as before.
drop index audit_entry_subject;
create index audit_entry_subject on audit_entry using hash (subject_hash);
