package nl.verzuimhub.bench.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of {@link LoadBench}: {@code --name value} pairs, each with a default ({@code --jfr} and
 * {@code --keep-database} alone: without the latter the run's database is deleted at its end).
 * {@code --generator calibrated} (default) or {@code original}; {@code --pupils} per region, {@code --regions};
 * {@code --feed-warmup-seconds} (default 10) of feed reading before the measured {@code --feed-seconds}, so the feed
 * is measured with its code compiled; {@code --hub-jvm "-XX:+UseParallelGC ..."} extra JVM options for the hub.
 */
record LoadOptions(long seed, int pupils, int regions, Path jar, Path work, String heap, int pageSize,
                   int feedClients, int feedLimit, Duration feedTime, boolean jfr, Set<String> pushMunicipalities,
                   Duration ingestTimeout, boolean calibrated, Duration pushWait, Duration feedWarmup,
                   List<String> hubJvmOptions, boolean keepDatabase) {

    /** Every option name, in the order the usage line shows them. */
    static final List<String> NAMES = List.of("seed", "pupils", "regions", "jar", "work", "heap", "page-size",
            "feed-clients", "feed-limit", "feed-seconds", "feed-warmup-seconds", "jfr", "push-municipalities",
            "ingest-timeout-seconds", "generator", "push-wait-seconds", "hub-jvm", "keep-database");
    /** The options given without a value. */
    private static final Set<String> FLAGS = Set.of("jfr", "keep-database");

    /** Parses the options; an unknown name, a name without its value or {@code --help} throws with the usage. */
    static LoadOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !NAMES.contains(name)) {
                throw new IllegalArgumentException((args[i].equals("--help") ? "" : "unknown option " + args[i] + "; ")
                        + "usage: run.sh " + String.join(" ", NAMES.stream().map(n -> "[--" + n
                        + (FLAGS.contains(n) ? "" : " value") + "]").toList()));
            }
            if (FLAGS.contains(name)) {
                values.put(name, "true");
            } else if (i + 1 == args.length) {
                throw new IllegalArgumentException("--" + name + " needs a value");
            } else {
                values.put(name, args[++i]);
            }
        }
        return new LoadOptions(Long.parseLong(values.getOrDefault("seed", "20261123")),
                Integer.parseInt(values.getOrDefault("pupils", "1250000")),
                Integer.parseInt(values.getOrDefault("regions", "1")),
                Path.of(values.getOrDefault("jar", "hub-server/target/verzuimhub.jar")).toAbsolutePath(),
                Path.of(values.getOrDefault("work", "target/load-run")).toAbsolutePath(),
                values.getOrDefault("heap", "512m"),
                Integer.parseInt(values.getOrDefault("page-size", "1000")),
                Integer.parseInt(values.getOrDefault("feed-clients", "8")),
                Integer.parseInt(values.getOrDefault("feed-limit", "100")),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("feed-seconds", "30"))),
                Boolean.parseBoolean(values.getOrDefault("jfr", "false")),
                Set.of(values.getOrDefault("push-municipalities", "0363,0599").split(",")),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("ingest-timeout-seconds", "420"))),
                !values.getOrDefault("generator", "calibrated").equals("original"),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("push-wait-seconds", "180"))),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("feed-warmup-seconds", "10"))),
                values.getOrDefault("hub-jvm", "").isBlank() ? List.of()
                        : List.of(values.get("hub-jvm").trim().split("\\s+")),
                Boolean.parseBoolean(values.getOrDefault("keep-database", "false")));
    }
}
