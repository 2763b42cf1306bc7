-- Audit search indexes, tuned after the benchmark (issue 5, docs/benchmarks.md). subject_hash and recipient_id
-- compare bytewise (collate "C"): they are hex and ids, and a locale collation only makes every index insert and
-- lookup slower. The time index becomes BRIN: entries arrive in time order, so a few pages find a period's blocks,
-- at next to no cost per insert; within a month the partition itself already bounds the scan.
drop index audit_entry_subject, audit_entry_recipient, audit_entry_time;
alter table audit_entry alter column subject_hash type text collate "C",
                        alter column recipient_id type text collate "C";
create index audit_entry_subject on audit_entry (subject_hash, id) where subject_hash is not null;
create index audit_entry_recipient on audit_entry (recipient_id, occurred_at);
create index audit_entry_time on audit_entry using brin (occurred_at);
