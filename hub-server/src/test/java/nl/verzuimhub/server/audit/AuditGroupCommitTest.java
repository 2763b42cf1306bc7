package nl.verzuimhub.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import nl.verzuimhub.dpia.AuditAction;
import nl.verzuimhub.dpia.AuditChannel;
import nl.verzuimhub.dpia.AuditEntry;
import nl.verzuimhub.dpia.AuditEvent;
import nl.verzuimhub.dpia.AuditOutcome;
import nl.verzuimhub.policies.PolicyEngine;
import nl.verzuimhub.server.database.MigratedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The feed's group commit on a real database: each caller's entries are committed when its call returns, concurrent
 * callers share commits, the chain stays whole, and a group that fails fails every caller in it with nothing of it
 * committed.
 */
class AuditGroupCommitTest {
    static MigratedPostgres postgres;
    static JdbcTemplate jdbc;
    static AuditLog auditLog;
    static AuditGroupCommit group;

    @BeforeAll
    static void database() {
        postgres = MigratedPostgres.start();
        jdbc = postgres.jdbc();
        auditLog = new AuditLog(jdbc.getDataSource(), new StaticListableBeanFactory().getBeanProvider(PolicyEngine.class));
        group = new AuditGroupCommit(auditLog, new DataSourceTransactionManager(jdbc.getDataSource()));
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void everyCallerReturnsWithItsOwnEntriesCommittedWhileConcurrentCallersShareCommits() throws Exception {
        int callers = 8;
        int callsEach = 25;
        int perCall = 10;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            String caller = "feed-client-" + c;
            done.add(pool.submit(() -> {
                start.await();
                for (int call = 0; call < callsEach; call++) {
                    String page = caller + "-page-" + call;
                    List<AuditEntry> entries = group.append(events(caller, page, perCall));
                    // Committed when the call returns: another connection sees all of them now.
                    Integer seen = jdbc.queryForObject("select count(*) from audit_entry where reason = ?",
                            Integer.class, page);
                    if (seen == null || seen != perCall) {
                        problems.add(page + ": " + seen + " committed on return");
                    }
                    if (!entries.stream().allMatch(e -> page.equals(e.event().reason())
                            && caller.equals(e.event().recipientId()))) {
                        problems.add(page + ": got entries of another caller");
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(problems).isEmpty();
        int calls = callers * callsEach;
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where reason like 'feed-client-%'",
                Integer.class)).isEqualTo(calls * perCall);
        Integer commits = jdbc.queryForObject("select count(distinct xmin::text) from audit_entry"
                + " where reason like 'feed-client-%'", Integer.class);
        assertThat(commits).as("transactions that wrote the %d calls' entries", calls).isLessThan(calls);
        assertThat(auditLog.verify().valid()).isTrue();
    }

    @Test
    void aGroupThatFailsFailsEveryCallerInItAndCommitsNothingOfIt() throws Exception {
        jdbc.execute("""
                create or replace function refuse_poison() returns trigger language plpgsql as $$
                begin
                  if new.reason like 'poison%' then raise exception 'refused for the test'; end if;
                  return new;
                end $$""");
        jdbc.execute("create trigger refuse_poison before insert on audit_entry for each row execute function refuse_poison()");
        try {
            assertThatThrownBy(() -> group.append(events("poisoner", "poison-alone", 3)))
                    .isInstanceOf(RuntimeException.class);
            assertThat(count("poison-alone")).isZero();

            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<Boolean>> outcomes = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            List<String> pages = IntStream.range(0, 60).mapToObj(i -> (i % 7 == 0 ? "poison-" : "clean-") + i).toList();
            for (String page : pages) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        group.append(events("caller-" + page, page, 5));
                        return true;
                    } catch (RuntimeException refused) {
                        return false;
                    }
                }));
            }
            start.countDown();
            for (int i = 0; i < pages.size(); i++) {
                boolean returned = outcomes.get(i).get(1, TimeUnit.MINUTES);
                String page = pages.get(i);
                assertThat(count(page)).as(page).isEqualTo(returned ? 5 : 0);
                if (page.startsWith("poison")) {
                    assertThat(returned).as(page + " must not return").isFalse();
                }
            }
            pool.shutdown();
        } finally {
            jdbc.execute("drop trigger refuse_poison on audit_entry");
        }
        assertThat(auditLog.verify().valid()).isTrue();
    }

    private static int count(String reason) {
        Integer count = jdbc.queryForObject("select count(*) from audit_entry where reason = ?", Integer.class, reason);
        return count == null ? 0 : count;
    }

    private static List<AuditEvent> events(String recipient, String reason, int count) {
        Instant now = Instant.now();
        return IntStream.range(0, count).mapToObj(i -> new AuditEvent(now, AuditAction.DISCLOSE, AuditOutcome.SUCCESS,
                AuditChannel.FEED, recipient, "0363", "ATTENDANCE_OFFICER", "leerplicht", "Leerplichtwet 1969 art. 21a",
                "leerplicht.attendance-officer.residence", "test-policies", "decision-" + reason + "-" + i,
                "VERZUIMMELDING", "VM-2024-" + i, 1, "subject-" + i, List.of("bsn"), reason)).toList();
    }
}
