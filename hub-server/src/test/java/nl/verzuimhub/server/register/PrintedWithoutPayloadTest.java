package nl.verzuimhub.server.register;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rows a register page reads and writes print without their payload, which is personal data. */
class PrintedWithoutPayloadTest {
    private static final String PAYLOAD = "{\"bsn\":\"123456782\",\"naam\":\"synthetic\"}";

    @Test
    void aStoredSnapshotPrintsItsVersionAndLocationOnly() {
        StoredSnapshot snapshot = new StoredSnapshot(3, new StoredRecords.Location("0363", "VO2701"), PAYLOAD);

        assertThat(snapshot.toString()).contains("version=3", "0363").doesNotContain("123456782")
                .doesNotContain("synthetic");
        assertThat(StoredSnapshot.NONE.toString()).contains("payload none");
    }

    @Test
    void aPageChangePrintsWithoutItsPayload() {
        assertThat(new PageRecords.Change(null, PAYLOAD).toString()).doesNotContain("123456782")
                .contains(PAYLOAD.length() + " chars");
    }
}
