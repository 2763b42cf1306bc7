package nl.verzuimhub.server.dashboard.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jakarta.annotation.PreDestroy;
import nl.verzuimhub.server.dashboard.DashboardAudit;
import nl.verzuimhub.server.dashboard.search.AuditReadRepository;
import nl.verzuimhub.server.dashboard.search.SearchCriteria;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Audit exports as background jobs, so that a large export does not hold a request open and the page can show
 * progress. The EXPORT audit entry is committed before the job starts; the file (hashes, never BSNs) lives in a
 * temporary directory, is readable only by the person who asked for it, and is removed after an hour.
 */
@Service
public class ExportService {
    private static final Logger log = LoggerFactory.getLogger(ExportService.class);
    static final Duration KEEP = Duration.ofHours(1);

    private final AuditReadRepository repository;
    private final DashboardAudit audit;
    private final TransactionTemplate readOnly;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, ExportJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "dashboard-export");
        thread.setDaemon(true);
        return thread;
    });
    private final Path directory;

    ExportService(AuditReadRepository repository, DashboardAudit audit, PlatformTransactionManager transactions,
                  ObjectMapper json, Clock clock) throws IOException {
        this.repository = repository;
        this.audit = audit;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.json = json;
        this.clock = clock;
        this.directory = Files.createTempDirectory("verzuimhub-exports");
    }

    /** Audits the export, then starts writing it; returns at once. */
    public ExportJob start(String owner, SearchCriteria criteria, ExportFormat format) {
        removeExpired();
        long maxId = repository.maxId();
        long total = repository.count(criteria, maxId);
        String id = UUID.randomUUID().toString();
        audit.exported(criteria.subjectHash(), "export " + format + " rows=" + total + " " + criteria.describe()
                + " job=" + id);
        ExportJob job = new ExportJob(id, owner, format, criteria, maxId, total, clock.instant(),
                directory.resolve(id + "." + format.extension()));
        jobs.put(id, job);
        workers.submit(() -> run(job));
        return job;
    }

    /** The job, if it exists and belongs to {@code owner}. */
    public Optional<ExportJob> find(String id, String owner) {
        ExportJob job = jobs.get(id);
        return job != null && job.owner().equals(owner) ? Optional.of(job) : Optional.empty();
    }

    public InputStream open(ExportJob job) throws IOException {
        return Files.newInputStream(job.file());
    }

    private void run(ExportJob job) {
        try (BufferedWriter out = Files.newBufferedWriter(job.file(), StandardCharsets.UTF_8)) {
            ExportWriter writer = new ExportWriter(job.format(), out, json);
            writer.start();
            readOnly.executeWithoutResult(status -> repository.stream(job.criteria(), job.maxId(), entry -> {
                writer.entry(entry);
                job.wrote();
            }));
            writer.finish();
            out.flush();
            job.finished(ExportJob.State.DONE);
        } catch (IOException | RuntimeException e) {
            log.error("Export {} failed ({})", job.id(), e.getClass().getSimpleName());
            job.finished(ExportJob.State.FAILED);
        }
    }

    private void removeExpired() {
        var cutoff = clock.instant().minus(KEEP);
        jobs.values().removeIf(job -> {
            if (job.state() != ExportJob.State.RUNNING && job.createdAt().isBefore(cutoff)) {
                try {
                    Files.deleteIfExists(job.file());
                } catch (IOException e) {
                    log.warn("Could not remove expired export {}", job.id());
                }
                return true;
            }
            return false;
        });
    }

    @PreDestroy
    void stop() throws IOException {
        workers.shutdownNow();
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(directory);
    }
}
