package nl.verzuimhub.server.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.verzuimhub.server.database.MigratedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two dispatchers on one database never work one recipient's lane at the same time: a lane held (or being claimed)
 * by one is skipped by the other without waiting, and becomes free again on release or when the lease runs out.
 */
class LaneLeaseTest {
    static MigratedPostgres postgres;
    static JdbcTemplate jdbc;
    static TransactionTemplate tx;
    static OutboxRepository repository;

    @BeforeAll
    static void database() {
        postgres = MigratedPostgres.start();
        jdbc = postgres.jdbc();
        tx = postgres.tx();
        repository = new OutboxRepository(jdbc);
        repository.ensureLane("leerplicht-0363");
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void aLaneHasOneOwnerAtATime() throws Exception {
        Instant now = Instant.parse("2026-11-23T01:00:00Z");
        assertThat(claim("dispatcher-a", now, now.plusSeconds(60))).isTrue();
        assertThat(claim("dispatcher-b", now.plusSeconds(1), now.plusSeconds(61))).as("held by a").isFalse();
        assertThat(claim("dispatcher-a", now.plusSeconds(2), now.plusSeconds(62))).as("a may renew").isTrue();
        assertThat(repository.renewLane("leerplicht-0363", "dispatcher-b", now.plusSeconds(90))).isFalse();

        assertThat(claim("dispatcher-b", now.plusSeconds(63), now.plusSeconds(123))).as("a's lease ran out").isTrue();
        assertThat(repository.renewLane("leerplicht-0363", "dispatcher-a", now.plusSeconds(200)))
                .as("a notices it lost the lane").isFalse();
        tx.executeWithoutResult(s -> repository.releaseLane("leerplicht-0363", "dispatcher-b"));
        assertThat(claim("dispatcher-a", now.plusSeconds(64), now.plusSeconds(124))).as("released").isTrue();
        tx.executeWithoutResult(s -> repository.releaseLane("leerplicht-0363", "dispatcher-a"));
    }

    @Test
    void whileOneDispatcherIsClaimingTheOtherSkipsTheLaneWithoutWaiting() throws Exception {
        Instant now = Instant.parse("2026-11-23T02:00:00Z");
        CompletableFuture<Boolean> other = new CompletableFuture<>();
        tx.executeWithoutResult(status -> {
            assertThat(repository.claimLane("leerplicht-0363", "dispatcher-a", now, now.plusSeconds(60))).isTrue();
            // a's transaction still holds the row lock: b must not block on it, and must not get the lane
            CompletableFuture.runAsync(() -> other.complete(claim("dispatcher-b", now, now.plusSeconds(60))));
            try {
                assertThat(other.get(10, TimeUnit.SECONDS)).isFalse();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        tx.executeWithoutResult(s -> repository.releaseLane("leerplicht-0363", "dispatcher-a"));
    }

    private static boolean claim(String owner, Instant now, Instant until) {
        return Boolean.TRUE.equals(tx.execute(status -> repository.claimLane("leerplicht-0363", owner, now, until)));
    }
}
