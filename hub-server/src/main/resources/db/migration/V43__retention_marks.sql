-- Retention (issue 5): when the retention job erased a stored record's personal fields, or a quarantined page's body.
alter table register_record add column erased_at timestamptz;
alter table register_quarantine add column body_erased_at timestamptz;
