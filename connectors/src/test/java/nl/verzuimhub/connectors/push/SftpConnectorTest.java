package nl.verzuimhub.connectors.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The sftp connector against an in-process Apache MINA SSHD SFTP server (password and key auth, host key pinned). */
class SftpConnectorTest {
    static final String PASSWORD = "sftp-password-0363";

    @TempDir
    Path temp;
    SshServer server;
    Path root;
    KeyPair clientKey;
    String hostKeyLine;

    @BeforeEach
    void startServer() throws Exception {
        root = Files.createDirectories(temp.resolve("root"));
        Files.createDirectories(root.resolve("inbox"));
        clientKey = KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(temp.resolve("host.key")));
        server.setPasswordAuthenticator((user, password, session) -> "gemeente".equals(user) && PASSWORD.equals(password));
        server.setPublickeyAuthenticator((user, key, session) -> "gemeente".equals(user)
                && KeyUtils.compareKeys(clientKey.getPublic(), key));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        server.start();
        PublicKey hostKey = server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
        hostKeyLine = PublicKeyEntry.toString(hostKey);
    }

    @AfterEach
    void stopServer() throws Exception {
        server.stop(true);
    }

    SftpSettings settings(String password, Path privateKey, String hostKey) {
        return new SftpSettings("127.0.0.1", server.getPort(), "gemeente", password, privateKey, null, hostKey,
                "inbox", FileFormat.CSV, Duration.ofSeconds(5));
    }

    @Test
    void uploadsDataFileAndManifestWithPasswordAuthAndNoTemporaryFilesRemain() throws Exception {
        PushBatch batch = Batches.two();
        try (SftpConnector connector = new SftpConnector(settings(PASSWORD, null, hostKeyLine))) {
            assertThat(connector.deliver(batch)).isInstanceOf(DeliveryResult.Delivered.class);
            String name = "verzuimhub-000000000041-" + batch.idempotencyKey() + ".csv";
            try (Stream<Path> files = Files.list(root.resolve("inbox"))) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(name, name + ".manifest.json");
            }
            byte[] data = Files.readAllBytes(root.resolve("inbox").resolve(name));
            assertThat(data).isEqualTo(BatchFiles.data(batch, FileFormat.CSV));
            @SuppressWarnings("unchecked") Map<String, Object> manifest = JsonMapper.builder().build().readValue(
                    root.resolve("inbox").resolve(name + ".manifest.json").toFile(), Map.class);
            assertThat(manifest).containsEntry("count", 2).containsEntry("sha256", BatchFiles.sha256(data));

            assertThat(connector.deliver(batch)).as("delivering again is harmless")
                    .isInstanceOf(DeliveryResult.Delivered.class);
            try (Stream<Path> files = Files.list(root.resolve("inbox"))) {
                assertThat(files).hasSize(2);
            }
        }
    }

    @Test
    void logsInWithAPrivateKeyFile() throws Exception {
        Path keyFile = temp.resolve("id_ecdsa");
        try (OutputStream out = Files.newOutputStream(keyFile)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "hub", null, out);
        }
        try (SftpConnector connector = new SftpConnector(settings(null, keyFile, hostKeyLine))) {
            assertThat(connector.deliver(Batches.two())).isInstanceOf(DeliveryResult.Delivered.class);
        }
        try (Stream<Path> files = Files.list(root.resolve("inbox"))) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void refusesAServerWithAnotherHostKeyAndAWrongPassword() throws Exception {
        String otherKey = PublicKeyEntry.toString(KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256).getPublic());
        try (SftpConnector connector = new SftpConnector(settings(PASSWORD, null, otherKey))) {
            assertThat(connector.deliver(Batches.two())).isInstanceOf(DeliveryResult.Failed.class);
        }
        try (SftpConnector connector = new SftpConnector(settings("wrong-password", null, hostKeyLine))) {
            assertThat(connector.deliver(Batches.two())).isInstanceOf(DeliveryResult.Failed.class);
        }
        try (Stream<Path> files = Files.list(root.resolve("inbox"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void settingsProblemsNameTheProperty() {
        SftpSettings missing = new SftpSettings(null, 0, null, null, temp.resolve("absent"), null, "not a key", null,
                null, null);
        assertThat(missing.problems("hub.recipients.x.push")).hasSize(5).startsWith(
                "hub.recipients.x.push.host is missing",
                "hub.recipients.x.push.port must be between 1 and 65535, was 0",
                "hub.recipients.x.push.username is missing",
                "hub.recipients.x.push.private-key '" + temp.resolve("absent") + "' is not a readable file")
                .last().asString().startsWith("hub.recipients.x.push.host-key is not an OpenSSH public key line");
        assertThat(new SftpSettings("h", null, "u", "p", null, null, null, null, null, null).problems("p"))
                .singleElement().asString().startsWith("p.host-key is missing");
        assertThat(settings(PASSWORD, null, hostKeyLine).problems("p")).isEmpty();
    }
}
