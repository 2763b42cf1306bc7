package nl.verzuimhub.connectors.push;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * The sftp connector's settings.
 *
 * @param hostKey         the server's public host key as one OpenSSH line ({@code ecdsa-sha2-nistp256 AAAA...});
 *                        required: the connector talks only to the server holding that key
 * @param password        password authentication, or null
 * @param privateKey      a private key file (OpenSSH or PEM) for public-key authentication, or null; one of the two
 * @param remoteDirectory where the files go on the server (must exist there)
 */
public record SftpSettings(String host, Integer port, String username, String password, Path privateKey,
                           String privateKeyPassphrase, String hostKey, String remoteDirectory, FileFormat format,
                           Duration timeout) {
    public SftpSettings {
        port = port == null ? 22 : port;
        remoteDirectory = remoteDirectory == null || remoteDirectory.isBlank() ? "." : remoteDirectory;
        format = format == null ? FileFormat.CSV : format;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    public List<String> problems(String prefix) {
        List<String> problems = new ArrayList<>();
        if (host == null || host.isBlank()) {
            problems.add(prefix + ".host is missing");
        }
        if (port < 1 || port > 65535) {
            problems.add(prefix + ".port must be between 1 and 65535, was " + port);
        }
        if (username == null || username.isBlank()) {
            problems.add(prefix + ".username is missing");
        }
        if ((password == null || password.isBlank()) && privateKey == null) {
            problems.add(prefix + ".password or " + prefix + ".private-key is needed to log in");
        }
        if (privateKey != null && !Files.isReadable(privateKey)) {
            problems.add(prefix + ".private-key '" + privateKey + "' is not a readable file");
        }
        if (hostKey == null || hostKey.isBlank()) {
            problems.add(prefix + ".host-key is missing: the server's public key (one OpenSSH line) is required, the"
                    + " connector never trusts an unknown server");
        } else {
            try {
                serverKey();
            } catch (RuntimeException e) {
                problems.add(prefix + ".host-key is not an OpenSSH public key line: " + e.getMessage());
            }
        }
        return problems;
    }

    /** The configured host key. */
    public PublicKey serverKey() {
        try {
            PublicKey key = PublicKeyEntry.parsePublicKeyEntry(hostKey.trim())
                    .resolvePublicKey(null, null, PublicKeyEntryResolver.FAILING);
            if (key == null) {
                throw new IllegalArgumentException("unsupported key type");
            }
            return key;
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException(e.getClass().getSimpleName(), e);
        }
    }
}
