package nl.verzuimhub.server.register;

import nl.verzuimhub.core.record.RegisterRecord;

/** The identity of a register object: the primary key of {@code register_record}. */
record RecordKey(String kind, String recordId) {
    static RecordKey of(RegisterRecord record) {
        return new RecordKey(record.kind().name(), record.id());
    }
}
