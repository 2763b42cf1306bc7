package nl.verzuimhub.connectors.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds a TLS context for an outgoing connection (the register, a recipient's webhook) from PKCS#12 files: a key
 * store with the hub's client certificate and key (for mutual TLS; PKIoverheid in production) and a trust store with
 * the CAs that may sign the other side's certificate.
 *
 * <p>Contract: returns a ready context or throws {@link IllegalArgumentException} naming the setting that is wrong
 * ({@code <prefix>.key-store}, {@code <prefix>.trust-store}) and why (missing file, wrong password, no key entry),
 * never a password. Either store may be absent: without a key store no client certificate is offered; without a
 * trust store the JVM's default CAs are trusted.
 */
public final class TlsContexts {
    private TlsContexts() {
    }

    /** @param prefix the settings' common prefix, e.g. {@code hub.register.tls}, for the messages */
    public static SSLContext context(String prefix, Path keyStore, char[] keyStorePassword, Path trustStore,
                                     char[] trustStorePassword) {
        try {
            KeyManager[] keys = null;
            if (keyStore != null) {
                KeyStore store = load(prefix + ".key-store", keyStore, keyStorePassword);
                if (!hasKey(store)) {
                    throw new IllegalArgumentException(prefix + ".key-store " + keyStore
                            + " holds no private key entry (the client certificate and its key)");
                }
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(store, keyStorePassword == null ? new char[0] : keyStorePassword);
                keys = factory.getKeyManagers();
            }
            TrustManager[] trust = null;
            if (trustStore != null) {
                KeyStore store = load(prefix + ".trust-store", trustStore, trustStorePassword);
                if (store.size() == 0) {
                    throw new IllegalArgumentException(prefix + ".trust-store " + trustStore + " holds no certificates");
                }
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(store);
                trust = factory.getTrustManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(prefix + ".* cannot be used: " + e.getClass().getSimpleName()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The subject of the first certificate with a key in the key store, for the start-up log. */
    public static String clientSubject(Path keyStore, char[] password) {
        try {
            KeyStore store = load("key-store", keyStore, password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate) {
                    return ((X509Certificate) store.getCertificate(alias)).getSubjectX500Principal().getName();
                }
            }
            return "none";
        } catch (GeneralSecurityException e) {
            return "unreadable";
        }
    }

    private static boolean hasKey(KeyStore store) throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return true;
            }
        }
        return false;
    }

    private static KeyStore load(String setting, Path file, char[] password) throws GeneralSecurityException {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(setting + " " + file + " does not exist or is not readable");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password == null ? new char[0] : password);
        } catch (IOException e) {
            throw new IllegalArgumentException(setting + " " + file
                    + " cannot be read as PKCS#12 (wrong password or not a PKCS#12 file)", e);
        }
        return store;
    }
}
