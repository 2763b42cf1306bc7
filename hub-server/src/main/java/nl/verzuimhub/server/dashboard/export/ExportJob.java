package nl.verzuimhub.server.dashboard.export;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import nl.verzuimhub.server.dashboard.search.SearchCriteria;

/**
 * One export in progress or done. Progress is {@code written} of {@code total}, the count taken when the job was
 * created (entries appended later are not part of the export: the job reads up to {@code maxId}).
 */
public final class ExportJob {
    public enum State { RUNNING, DONE, FAILED }

    private final String id;
    private final String owner;
    private final ExportFormat format;
    private final SearchCriteria criteria;
    private final long maxId;
    private final long total;
    private final Instant createdAt;
    private final Path file;
    private final AtomicLong written = new AtomicLong();
    private volatile State state = State.RUNNING;

    ExportJob(String id, String owner, ExportFormat format, SearchCriteria criteria, long maxId, long total,
              Instant createdAt, Path file) {
        this.id = id;
        this.owner = owner;
        this.format = format;
        this.criteria = criteria;
        this.maxId = maxId;
        this.total = total;
        this.createdAt = createdAt;
        this.file = file;
    }

    public String id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public ExportFormat format() {
        return format;
    }

    public SearchCriteria criteria() {
        return criteria;
    }

    /** The newest entry when the job was created: the export's last possible entry. */
    public long maxId() {
        return maxId;
    }

    public long total() {
        return total;
    }

    public long written() {
        return written.get();
    }

    public Instant createdAt() {
        return createdAt;
    }

    Path file() {
        return file;
    }

    public State state() {
        return state;
    }

    /** 0-100; 100 only when done. */
    public int percent() {
        if (state == State.DONE) {
            return 100;
        }
        return total == 0 ? 0 : (int) Math.min(99, written.get() * 100 / total);
    }

    void wrote() {
        written.incrementAndGet();
    }

    void finished(State end) {
        state = end;
    }
}
