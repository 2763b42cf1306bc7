-- Policy engine (issue B): lookups that deciding and scope changes need.
-- The M@ZL criterion counts a pupil's other sick reports: find them by the pupil's identifier in the payload.
create index register_record_sick_pupil on register_record ((coalesce(payload->>'bsn', payload->>'onderwijsnummer')))
    where kind = 'ZIEKMELDING';
-- Scope follows the child: when a pupil moves or changes school, find every delivery of that pupil still held.
create index delivery_subject on delivery (subject_hash) where not withdrawn;
