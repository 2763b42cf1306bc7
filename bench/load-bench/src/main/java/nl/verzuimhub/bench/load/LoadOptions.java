package nl.verzuimhub.bench.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of {@link LoadBench}: {@code --name value} pairs, each with a default ({@code --jfr} alone).
 * {@code --generator calibrated} (default) or {@code original}; {@code --pupils} per region, {@code --regions};
 * {@code --feed-warmup-seconds} (default 10) of feed reading before the measured {@code --feed-seconds}, so the feed
 * is measured with its code compiled; {@code --hub-jvm "-XX:+UseParallelGC ..."} extra JVM options for the hub.
 */
record LoadOptions(long seed, int pupils, int regions, Path jar, Path work, String heap, int pageSize,
                   int feedClients, int feedLimit, Duration feedTime, boolean jfr, Set<String> pushMunicipalities,
                   Duration ingestTimeout, boolean calibrated, Duration pushWait, Duration feedWarmup,
                   List<String> hubJvmOptions) {

    static LoadOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            String name = args[i].substring(2);
            if (name.equals("jfr")) {
                values.put(name, "true");
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
                        : List.of(values.get("hub-jvm").trim().split("\\s+")));
    }
}
