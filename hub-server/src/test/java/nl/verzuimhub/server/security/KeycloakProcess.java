package nl.verzuimhub.server.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

/**
 * A real Keycloak from the {@code keycloak-quarkus-dist} zip that the build unpacks into {@code target/keycloak}:
 * {@code kc.sh start-dev} on a free port with the realm export imported from a fresh dev database. Stopped with
 * SIGTERM to its whole process tree (SIGKILL after 20 s), also when the test JVM exits early.
 */
final class KeycloakProcess implements AutoCloseable {
    private final Path home;
    private final int port;
    private final Process process;
    private final Path log;
    private final long startedAt = System.nanoTime();
    private final Thread shutdownHook;

    private KeycloakProcess(Path home, int port, Process process, Path log) {
        this.home = home;
        this.port = port;
        this.process = process;
        this.log = log;
        this.shutdownHook = new Thread(this::stop, "keycloak-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts Keycloak with {@code realm} imported; returns at once (see {@link #awaitReady}). */
    static KeycloakProcess start(Path home, Path realm) throws IOException {
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak at " + home + ": the hub-server build unpacks"
                    + " org.keycloak:keycloak-quarkus-dist there (maven-dependency-plugin, phase generate-test-resources)");
        }
        // A fresh dev database, so that the realm is imported from the current export, not left from an earlier run.
        FileSystemUtils.deleteRecursively(home.resolve("data"));
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.copy(realm, imports.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        int port = freePort();
        Path log = home.resolve("keycloak-test.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--http-management-port=" + freePort(), "--import-realm"))
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        // A test needs a quick start, not peak throughput: the C1 compiler alone cuts the CPU time of
        // Keycloak's start-up on a small, shared machine.
        builder.environment().put("JAVA_OPTS_APPEND", "-Xms64m -XX:TieredStopAtLevel=1");
        return new KeycloakProcess(home, port, builder.start(), log);
    }

    String issuer() {
        return "http://localhost:" + port + "/realms/verzuimhub";
    }

    String tokenUrl() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /** Waits until the realm's discovery document is served; returns the seconds since start. */
    double awaitReady(Duration timeout) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; log " + log + ":\n"
                        + tail());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                        URI.create(issuer() + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return (System.nanoTime() - startedAt) / 1e9;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException("Keycloak not ready after " + timeout + "; log " + log + ":\n" + tail());
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down
        }
    }

    private void stop() {
        List<ProcessHandle> tree = new java.util.ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (ProcessHandle handle : tree) {
            while (handle.isAlive() && System.nanoTime() < deadline) {
                sleep(100);
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path home() {
        return home;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
