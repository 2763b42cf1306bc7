package nl.verzuimhub.server.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import nl.verzuimhub.server.database.MigratedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Forming a batch on the queue as a national year leaves it between vacuums: statistics that say "empty", a heap and
 * indexes full of tasks batched since. The batch still takes the oldest tasks in order, and the plan reaches the
 * tasks through their keys only (no sequential scan, no walk of the whole primary key per batch).
 */
class OutboxQueuePlanTest {
    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void aBatchTakesTheOldestTasksThroughTheirKeysOnABloatedQueue() throws Exception {
        try (MigratedPostgres db = MigratedPostgres.start()) {
            JdbcTemplate jdbc = db.jdbc();
            OutboxTestRows.deliveries(jdbc, "a", 1, 6005);
            jdbc.update("insert into outbox_task select i, 'a', now() from generate_series(1, 3000) i");
            jdbc.update("delete from outbox_task");
            jdbc.execute("vacuum analyze outbox_task");
            jdbc.update("insert into outbox_task select i, 'a', now() from generate_series(3001, 6000) i");
            jdbc.update("delete from outbox_task");
            jdbc.update("insert into outbox_task select i, 'a', now() from generate_series(6001, 6005) i");

            List<String> plan = db.tx().execute(status -> {
                jdbc.execute("set local enable_seqscan = off");
                return jdbc.queryForList("explain " + OutboxRepository.FORM_BATCH, String.class, "a", 3, "a",
                        "webhook", "key-1", Timestamp.from(NOW), Timestamp.from(NOW));
            });
            assertThat(String.join("\n", plan)).doesNotContain("Seq Scan")
                    .contains("Index Cond: (delivery_id = ANY").contains("Index Cond: (recipient_id =");

            OutboxRepository repository = new OutboxRepository(jdbc);
            OutboxBatch batch = db.tx().execute(status -> repository.formBatch("a", "webhook", 3, NOW)).orElseThrow();
            assertThat(jdbc.queryForList("select unnest(delivery_ids) from outbox_batch where id = ?", Long.class,
                    batch.id())).containsExactly(6001L, 6002L, 6003L);
            assertThat(jdbc.queryForList("select delivery_id from outbox_task order by 1", Long.class))
                    .containsExactly(6004L, 6005L);
        }
    }
}
