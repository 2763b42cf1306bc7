package nl.verzuimhub.dpia.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.verzuimhub.dpia.ChainExport;
import nl.verzuimhub.dpia.ChainVerifier;
import nl.verzuimhub.dpia.Checkpoint;
import nl.verzuimhub.dpia.JdbcAuditLog;
import nl.verzuimhub.dpia.JdbcCheckpoints;
import nl.verzuimhub.dpia.VerificationResult;

/**
 * Checks an audit log, from a database or an export file, against signed checkpoints and the public key it is
 * given, trusting nothing else: not the hub's chain head, not a checkpoint whose signature fails, not the hashes
 * stored next to the entries (each is recomputed).
 */
public final class IndependentVerifier {
    private final PublicKey publicKey;

    public IndependentVerifier(PublicKey publicKey) {
        this.publicKey = publicKey;
    }

    /** Verifies an export file; {@code extraCheckpoints} (e.g. kept elsewhere) are checked like the file's own. */
    public VerifierReport verifyExport(BufferedReader export, List<Checkpoint> extraCheckpoints) throws IOException {
        List<Checkpoint> found = new ArrayList<>(extraCheckpoints);
        ChainVerifier[] verifier = new ChainVerifier[1];
        Trust[] trust = new Trust[1];
        ChainExport.read(export, new ChainExport.Handler() {
            @Override
            public void checkpoint(Checkpoint checkpoint) {
                found.add(checkpoint);
            }

            @Override
            public boolean entry(long id, byte[] previousHash, byte[] hash, byte[] canonical) {
                if (verifier[0] == null) {
                    trust[0] = trust(found);
                    verifier[0] = new ChainVerifier(trust[0].trusted());
                }
                return verifier[0].accept(id, previousHash, hash, canonical);
            }
        });
        if (verifier[0] == null) {
            trust[0] = trust(found);
            verifier[0] = new ChainVerifier(trust[0].trusted());
        }
        return report(verifier[0].finish(), trust[0]);
    }

    /** Verifies the log in a database, with the checkpoints stored there plus {@code extraCheckpoints}. */
    public VerifierReport verifyDatabase(Connection connection, List<Checkpoint> extraCheckpoints) throws SQLException {
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        List<Checkpoint> found = new ArrayList<>(extraCheckpoints);
        found.addAll(new JdbcCheckpoints().all(connection));
        Trust trust = trust(found);
        ChainVerifier verifier = new ChainVerifier(trust.trusted());
        long[] read = new long[1];
        boolean[] broken = new boolean[1];
        new JdbcAuditLog().stream(connection, Long.MIN_VALUE, Long.MAX_VALUE, entry -> {
            if (!broken[0] && !verifier.accept(entry)) {
                broken[0] = true;
            }
            read[0]++;
        });
        connection.rollback();
        return report(verifier.finish(), trust);
    }

    private VerifierReport report(VerificationResult chain, Trust trust) {
        long lastSigned = trust.trusted().stream().mapToLong(Checkpoint::lastEntryId).max().orElse(0);
        long tail = chain.valid() ? Math.max(0, chain.entries() - lastSigned) : 0;
        return new VerifierReport(chain, trust.trusted().size(), trust.rejected(), tail);
    }

    private Trust trust(List<Checkpoint> checkpoints) {
        List<Checkpoint> trusted = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (Checkpoint checkpoint : checkpoints) {
            if (checkpoint.verify(publicKey)) {
                trusted.add(checkpoint);
            } else {
                rejected.add("#" + checkpoint.id() + " (entry " + checkpoint.lastEntryId() + ", key "
                        + checkpoint.keyId() + ", signed " + checkpoint.signedAt() + "): signature does not verify");
            }
        }
        trusted.sort(Comparator.comparingLong(Checkpoint::lastEntryId));
        return new Trust(List.copyOf(trusted), List.copyOf(rejected));
    }

    private record Trust(List<Checkpoint> trusted, List<String> rejected) {
    }
}
