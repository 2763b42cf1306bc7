package nl.verzuimhub.server.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.verzuimhub.server.database.MigratedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V94 on a database with push history: each batch takes its tasks' delivery ids (ascending), batched tasks leave
 * outbox_task, queued ones stay, and outbox_item shows every task as before, with its batch.
 */
class OutboxItemsMigrationTest {

    @Test
    void batchesTakeTheirTasksAndQueuedTasksStay() throws Exception {
        try (MigratedPostgres db = MigratedPostgres.startAt("93")) {
            JdbcTemplate jdbc = db.jdbc();
            OutboxTestRows.deliveries(jdbc, "a", 1, 4);
            OutboxTestRows.deliveries(jdbc, "b", 5, 6);
            jdbc.update("insert into outbox_task (delivery_id, recipient_id, created_at)"
                    + " select id, recipient_id, now() from delivery");
            long delivered = batch(jdbc, "a", "DELIVERED");
            long dead = batch(jdbc, "a", "DEAD");
            jdbc.update("update outbox_task set batch_id = ? where delivery_id in (2, 1)", delivered);
            jdbc.update("update outbox_task set batch_id = ? where delivery_id = 3", dead);

            db.migrateToLatest();

            assertThat(ids(jdbc, "select unnest(delivery_ids) from outbox_batch where id = " + delivered))
                    .containsExactly(1L, 2L);
            assertThat(ids(jdbc, "select unnest(delivery_ids) from outbox_batch where id = " + dead)).containsExactly(3L);
            assertThat(ids(jdbc, "select delivery_id from outbox_task order by delivery_id")).containsExactly(4L, 5L, 6L);
            assertThat(jdbc.queryForList("select delivery_id || ':' || coalesce(batch_id::text, '-') from outbox_item"
                    + " order by delivery_id", String.class)).containsExactly("1:" + delivered, "2:" + delivered,
                    "3:" + dead, "4:-", "5:-", "6:-");
        }
    }

    private static long batch(JdbcTemplate jdbc, String recipient, String status) {
        return jdbc.queryForObject("""
                insert into outbox_batch (recipient_id, connector, idempotency_key, status, next_attempt_at, created_at)
                values (?, 'webhook', gen_random_uuid()::text, ?, now(), now()) returning id""", Long.class, recipient,
                status);
    }

    private static List<Long> ids(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForList(sql, Long.class);
    }
}
