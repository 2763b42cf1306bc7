package nl.verzuimhub.dpia.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import nl.verzuimhub.dpia.ChainExport;
import nl.verzuimhub.dpia.Checkpoint;
import nl.verzuimhub.dpia.Ed25519Keys;

/**
 * The standalone verifier: {@code java -jar dpia-verifier.jar --public-key KEY (--jdbc URL [--user U] [--password P]
 * | --export FILE) [--checkpoints FILE]}. Exit code 0 when the log verifies against at least one signed checkpoint,
 * 1 when it does not (the first bad entry is named), 2 on a usage or input error.
 */
public final class VerifierMain {
    private VerifierMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        try {
            VerifierReport report = verify(options);
            System.out.print(report.describe());
            return report.valid() ? 0 : 1;
        } catch (IOException | SQLException | IllegalArgumentException e) {
            System.err.println("cannot verify: " + e.getMessage());
            return 2;
        }
    }

    static VerifierReport verify(Options options) throws IOException, SQLException {
        PublicKey key = Ed25519Keys.publicKey(readKey(options.publicKey()));
        List<Checkpoint> extra = new ArrayList<>();
        if (options.checkpoints() != null) {
            for (String line : Files.readAllLines(Path.of(options.checkpoints()), StandardCharsets.UTF_8)) {
                if (line.startsWith("C\t")) {
                    extra.add(ChainExport.parseCheckpoint(line));
                }
            }
        }
        IndependentVerifier verifier = new IndependentVerifier(key);
        if (options.export() != null) {
            try (BufferedReader in = Files.newBufferedReader(Path.of(options.export()), StandardCharsets.UTF_8)) {
                return verifier.verifyExport(in, extra);
            }
        }
        Properties connection = new Properties();
        if (options.user() != null) {
            connection.setProperty("user", options.user());
        }
        if (options.password() != null) {
            connection.setProperty("password", options.password());
        }
        try (Connection c = DriverManager.getConnection(options.jdbc(), connection)) {
            return verifier.verifyDatabase(c, extra);
        }
    }

    /** The key as given, or read from a file when the argument names one. */
    private static String readKey(String keyOrFile) throws IOException {
        Path file = Path.of(keyOrFile.length() < 255 ? keyOrFile : ".");
        if (keyOrFile.length() < 255 && Files.isRegularFile(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        }
        return keyOrFile;
    }

    static final String USAGE = "usage: java -jar dpia-verifier.jar --public-key <base64 X.509 key or file>"
            + " (--jdbc <url> [--user <u>] [--password <p>] | --export <file>) [--checkpoints <file>]";

    record Options(String publicKey, String jdbc, String user, String password, String export, String checkpoints) {
        static Options parse(String[] args) {
            String publicKey = null, jdbc = null, user = null, password = null, export = null, checkpoints = null;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--public-key": publicKey = value; break;
                    case "--jdbc": jdbc = value; break;
                    case "--user": user = value; break;
                    case "--password": password = value; break;
                    case "--export": export = value; break;
                    case "--checkpoints": checkpoints = value; break;
                    default: throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (publicKey == null) {
                throw new IllegalArgumentException("--public-key is required: the verifier trusts only that key");
            }
            if ((jdbc == null) == (export == null)) {
                throw new IllegalArgumentException("give exactly one of --jdbc and --export");
            }
            return new Options(publicKey, jdbc, user, password, export, checkpoints);
        }
    }
}
