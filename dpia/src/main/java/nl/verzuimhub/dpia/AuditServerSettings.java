package nl.verzuimhub.dpia;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The PostgreSQL server settings the audit log is built and measured for: the hub's embedded PostgreSQL starts with
 * them, the audit benchmark ({@code bench/audit-bench}) runs on them, and the README lists them for an external
 * server. Durability first: a commit is on disk when it returns ({@code fsync}, {@code synchronous_commit}), which is
 * what "nothing leaves without a committed entry" rests on. The rest give the one-writer, one-COPY-per-batch append
 * room: the dashboard's searches run from memory up to about a gigabyte of log, and checkpoints (each followed by
 * full-page images of every page touched again) come at most every 15 minutes. A random page read is costed close to
 * a sequential one (the data is in memory or on SSD), so a recipient's feed is read through its own index instead
 * of the primary key's order with every other recipient's rows filtered out.
 */
public final class AuditServerSettings {
    /** Setting name to value, in the order they are applied. */
    public static final Map<String, String> SETTINGS;

    static {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("fsync", "on");
        settings.put("synchronous_commit", "on");
        settings.put("shared_buffers", "1GB");
        settings.put("max_wal_size", "4GB");
        settings.put("checkpoint_timeout", "15min");
        settings.put("random_page_cost", "1.1");
        SETTINGS = Collections.unmodifiableMap(settings);
    }

    private AuditServerSettings() {
    }
}
