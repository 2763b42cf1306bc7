package nl.verzuimhub.server.dashboard.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.dpia.AuditAction;
import nl.verzuimhub.dpia.AuditChannel;
import nl.verzuimhub.dpia.AuditEvent;
import nl.verzuimhub.dpia.AuditOutcome;
import nl.verzuimhub.server.audit.AuditLog;
import nl.verzuimhub.server.dashboard.search.SearchCriteria;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * A large export on the real database: 20,000 entries of one recipient are streamed to CSV and JSON by the background
 * job; progress only rises, ends at 100 with every entry written, the files hold exactly those entries, and the
 * export itself is audited before it starts (and is not part of its own file).
 */
@SpringBootTest(properties = {"hub.embedded-postgres.data-dir=", "hub.register.poll-interval=1h"})
@ActiveProfiles("demo")
class LargeExportTest {
    static final int ENTRIES = 20_000;
    static final String RECIPIENT = "bulk-export-test";

    @Autowired
    AuditLog auditLog;
    @Autowired
    ExportService exports;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twentyThousandEntriesExportWithRisingProgressAsCsvAndJson() throws Exception {
        Instant at = Instant.parse("2026-10-05T09:00:00Z");
        for (int batch = 0; batch < ENTRIES / 5_000; batch++) {
            List<AuditEvent> events = new ArrayList<>();
            for (int i = 0; i < 5_000; i++) {
                events.add(new AuditEvent(at.plusMillis(batch * 5_000L + i), AuditAction.DISCLOSE, AuditOutcome.SUCCESS,
                        AuditChannel.FEED, RECIPIENT, "0363", "ATTENDANCE_OFFICER", "leerplicht", "Lpw art. 21a",
                        "rule", "v1", "d" + i, "VERZUIMMELDING", "r" + i, 1, String.format("%064x", i),
                        List.of("bsn", "hours"), null));
            }
            auditLog.append(events);
        }
        SearchCriteria criteria = new SearchCriteria(null, RECIPIENT, null, null, null);

        long started = System.nanoTime();
        ExportJob csv = exports.start("tester", criteria, ExportFormat.CSV);
        List<Integer> seen = follow(csv);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("LargeExportTest: %d entries to CSV in %.2f s (%.0f entries/s), progress seen %s%n",
                ENTRIES, seconds, ENTRIES / seconds, seen.stream().distinct().toList());
        assertThat(csv.state()).isEqualTo(ExportJob.State.DONE);
        assertThat(csv.total()).isEqualTo(ENTRIES);
        assertThat(csv.written()).isEqualTo(ENTRIES);
        assertThat(seen).isSorted().last().isEqualTo(100);
        String text;
        try (InputStream in = exports.open(csv)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(ENTRIES + 1);
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line).contains("," + RECIPIENT + ","));
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'EXPORT' and reason like ?",
                Long.class, "%rows=" + ENTRIES + "%job=" + csv.id())).isEqualTo(1);

        ExportJob json = exports.start("tester", criteria, ExportFormat.JSON);
        follow(json);
        assertThat(exports.find(json.id(), "someone-else")).isEmpty();
        try (InputStream in = exports.open(json)) {
            Map<String, Object> document = JsonMapper.builder().build().readValue(in, Map.class);
            assertThat((List<?>) document.get("entries")).hasSize(ENTRIES);
        }
    }

    private static List<Integer> follow(ExportJob job) throws InterruptedException {
        List<Integer> seen = new ArrayList<>();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (job.state() == ExportJob.State.RUNNING && System.nanoTime() < deadline) {
            seen.add(job.percent());
            Thread.sleep(20);
        }
        seen.add(job.percent());
        return seen;
    }
}
