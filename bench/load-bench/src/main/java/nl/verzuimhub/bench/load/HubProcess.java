package nl.verzuimhub.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hub under load: its fat jar in its own JVM ({@code java -Xmx.. -jar verzuimhub.jar}), demo profile for the
 * synthetic keys, its embedded PostgreSQL in a fresh data directory, the register at the harness. Its output goes
 * to {@code hub.log} in the work directory; start-up waits for {@code Started} and reads the PostgreSQL port from the
 * hub's own log line.
 */
final class HubProcess implements AutoCloseable {
    private static final Pattern PG_PORT = Pattern.compile("Embedded PostgreSQL listening on port (\\d+)");

    private final Process process;
    private final CompletableFuture<Integer> pgPort = new CompletableFuture<>();
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private final int port;

    HubProcess(Path jar, Path workDir, int port, String heap, List<String> jvmOptions, boolean jfr,
               List<String> hubArguments)
            throws IOException {
        this.port = port;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.addAll(jvmOptions);
        if (jfr) {
            command.add("-XX:StartFlightRecording=filename=" + workDir.resolve("hub.jfr") + ",settings=profile");
        }
        command.add("-jar");
        command.add(jar.toString());
        command.add("--spring.profiles.active=demo");
        command.add("--server.port=" + port);
        command.add("--hub.security.embedded-issuer=http://localhost:" + port);
        command.add("--hub.embedded-postgres.data-dir=" + workDir.resolve("postgres"));
        command.addAll(hubArguments);
        Files.write(workDir.resolve("hub.command"), command);
        process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        Thread pump = new Thread(() -> pump(workDir.resolve("hub.log")), "hub-log");
        pump.setDaemon(true);
        pump.start();
    }

    private void pump(Path logFile) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile), true)) {
            String line;
            while ((line = lines.readLine()) != null) {
                log.println(line);
                Matcher port = PG_PORT.matcher(line);
                if (port.find()) {
                    pgPort.complete(Integer.parseInt(port.group(1)));
                }
                if (line.contains("Started VerzuimhubApplication")) {
                    started.complete(null);
                }
            }
        } catch (IOException e) {
            started.completeExceptionally(e);
        }
        started.completeExceptionally(new IllegalStateException("the hub exited; see hub.log"));
    }

    void awaitStarted(Duration timeout) throws Exception {
        started.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    int postgresPort() throws Exception {
        return pgPort.get(1, TimeUnit.MINUTES);
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
