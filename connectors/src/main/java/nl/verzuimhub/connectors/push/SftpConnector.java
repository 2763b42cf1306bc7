package nl.verzuimhub.connectors.push;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * SFTP (Apache MINA SSHD client): the same files as the file connector, uploaded under a temporary name and then
 * renamed. The server must present the configured host key; anything else is refused before logging in. A file that
 * already exists under its final name was delivered before (names carry the idempotency key) and is not rewritten.
 */
public final class SftpConnector implements PushConnector, AutoCloseable {
    public static final String ID = "sftp";

    private final SftpSettings settings;
    private final SshClient client;
    private final List<KeyPair> identities;

    public SftpConnector(SftpSettings settings) {
        this.settings = settings;
        this.identities = loadIdentities(settings);
        PublicKey expected = settings.serverKey();
        this.client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier((session, address, presented) -> KeyUtils.compareKeys(expected, presented));
        client.start();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String target() {
        return "sftp://" + settings.host() + ":" + settings.port() + "/" + settings.remoteDirectory();
    }

    @Override
    public DeliveryResult deliver(PushBatch batch) {
        FileFormat format = settings.format();
        byte[] data = BatchFiles.data(batch, format);
        try (ClientSession session = client.connect(settings.username(), settings.host(), settings.port())
                .verify(settings.timeout()).getSession()) {
            if (settings.password() != null && !settings.password().isBlank()) {
                session.addPasswordIdentity(settings.password());
            }
            identities.forEach(session::addPublicKeyIdentity);
            session.auth().verify(settings.timeout());
            try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
                upload(sftp, BatchFiles.dataFileName(batch, format), data);
                upload(sftp, BatchFiles.manifestFileName(batch, format), BatchFiles.manifest(batch, format, data));
            }
            return new DeliveryResult.Delivered("uploaded to " + target());
        } catch (IOException e) {
            return new DeliveryResult.Failed("sftp failed: " + e.getClass().getSimpleName(), null);
        } catch (RuntimeException e) {
            return new DeliveryResult.Failed("sftp failed: " + e.getClass().getSimpleName(), null);
        }
    }

    private void upload(SftpClient sftp, String name, byte[] content) throws IOException {
        String target = settings.remoteDirectory() + "/" + name;
        if (exists(sftp, target)) {
            return;
        }
        String temporary = settings.remoteDirectory() + "/." + name + ".tmp";
        try (OutputStream out = sftp.write(temporary)) {
            out.write(content);
        }
        sftp.rename(temporary, target);
    }

    private static boolean exists(SftpClient sftp, String path) throws IOException {
        try {
            sftp.stat(path);
            return true;
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
                return false;
            }
            throw e;
        }
    }

    private static List<KeyPair> loadIdentities(SftpSettings settings) {
        List<KeyPair> keys = new ArrayList<>();
        if (settings.privateKey() == null) {
            return keys;
        }
        FilePasswordProvider passphrase = settings.privateKeyPassphrase() == null ? FilePasswordProvider.EMPTY
                : FilePasswordProvider.of(settings.privateKeyPassphrase());
        try (InputStream in = Files.newInputStream(settings.privateKey())) {
            SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(settings.privateKey().toString()), in,
                    passphrase).forEach(keys::add);
        } catch (IOException | GeneralSecurityException e) {
            throw new SettingsException(List.of("private key '" + settings.privateKey() + "' could not be read: "
                    + e.getClass().getSimpleName()));
        }
        return keys;
    }

    @Override
    public void close() {
        client.stop();
    }
}
