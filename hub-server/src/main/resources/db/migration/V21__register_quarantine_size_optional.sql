-- A row written without size_bytes (another writer, or an older one) must not be refused: the size is then read as
-- the kept body's length (QuarantineRepository).
alter table register_quarantine alter column size_bytes drop not null;
