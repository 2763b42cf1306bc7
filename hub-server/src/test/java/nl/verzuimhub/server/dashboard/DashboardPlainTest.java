package nl.verzuimhub.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.dpia.SubjectHasher;
import nl.verzuimhub.server.dashboard.export.ExportFormat;
import nl.verzuimhub.server.dashboard.export.ExportWriter;
import nl.verzuimhub.server.dashboard.search.DashboardEntry;
import nl.verzuimhub.server.dashboard.search.SearchCriteria;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DashboardPlainTest {
    static final SubjectHasher HASHER = new SubjectHasher(new byte[32]);
    static final String VALID_BSN = "111222333";

    @Test
    void aSearchFormChecksTheBsnWithTheElevenTestAndKeepsOnlyItsHash() {
        SearchCriteria criteria = new SearchForm(" " + VALID_BSN + " ", "leerplicht-0363", "", "2026-10-01",
                "2026-10-31").criteria(HASHER);
        assertThat(criteria.subjectHash()).isEqualTo(HASHER.hash(VALID_BSN));
        assertThat(criteria.recipientId()).isEqualTo("leerplicht-0363");
        assertThat(criteria.purposeId()).isNull();
        assertThat(criteria.from()).isEqualTo(Instant.parse("2026-09-30T22:00:00Z"));
        assertThat(criteria.to()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z")); // 'to' is inclusive; CET from 25 Oct
        assertThat(criteria.describe()).contains("subject=hash").doesNotContain(VALID_BSN);
        assertThatThrownBy(() -> new SearchForm("111222334", null, null, null, null).criteria(HASHER))
                .isInstanceOf(SearchForm.InvalidSearch.class).hasMessageContaining("elfproef")
                .hasMessageNotContaining("111222334");
        assertThatThrownBy(() -> new SearchForm(null, null, null, "1-10-2026", null).criteria(HASHER))
                .hasMessageContaining("'from'");
        assertThatThrownBy(() -> new SearchForm(null, null, null, "2026-10-02", "2026-10-01").criteria(HASHER))
                .hasMessageContaining("before");
    }

    @Test
    void csvQuotesWhatNeedsQuotingAndJsonIsOneValidDocument() throws Exception {
        DashboardEntry entry = new DashboardEntry(7, Instant.parse("2026-10-01T08:00:00Z"), "SEARCH", "SUCCESS",
                "DASHBOARD", "verzuimhub-dashboard", null, "PRIVACY_OFFICER", "toezicht", "AVG art. 39, \"FG\"", null,
                null, null, null, null, null, "h", List.of("bsn", "hours"), "user=fg-demo; a,b", null, null, null,
                null, null);
        StringWriter csv = new StringWriter();
        ExportWriter writer = new ExportWriter(ExportFormat.CSV, csv, JsonMapper.builder().build());
        writer.start();
        writer.entry(entry);
        writer.finish();
        List<String> lines = csv.toString().lines().toList();
        assertThat(lines.get(0).split(",")).hasSize(DashboardEntry.COLUMNS.size());
        assertThat(lines.get(1)).startsWith("7,2026-10-01T08:00:00Z,SEARCH,").contains(",\"AVG art. 39, \"\"FG\"\"\",")
                .contains(",bsn|hours,\"user=fg-demo; a,b\",");

        StringWriter json = new StringWriter();
        JsonMapper mapper = JsonMapper.builder().build();
        ExportWriter jsonWriter = new ExportWriter(ExportFormat.JSON, json, mapper);
        jsonWriter.start();
        jsonWriter.entry(entry);
        jsonWriter.entry(entry);
        jsonWriter.finish();
        Map<String, Object> document = mapper.readValue(json.toString(), Map.class);
        List<Map<String, Object>> entries = (List<Map<String, Object>>) document.get("entries");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0)).containsEntry("id", 7).containsEntry("fields", List.of("bsn", "hours"))
                .containsEntry("occurred_at", "2026-10-01T08:00:00Z").containsKey("trace_id");
    }
}
