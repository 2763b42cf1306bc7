package nl.verzuimhub.dpia;

import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Signed checkpoints in PostgreSQL (table {@code audit_checkpoint}, append-only; see V41). */
public final class JdbcCheckpoints {
    private static final String COLUMNS = "id, last_entry_id, last_hash, signed_at, key_id, signature";

    /** Stores a signed checkpoint with the public key of its signer; returns it with its id. */
    public Checkpoint store(Connection connection, Checkpoint checkpoint, PublicKey publicKey) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into audit_checkpoint (last_entry_id,"
                + " last_hash, signed_at, key_id, signature, algorithm, public_key) values (?, ?, ?, ?, ?, ?, ?)"
                + " returning id")) {
            insert.setLong(1, checkpoint.lastEntryId());
            insert.setBytes(2, checkpoint.lastHash());
            insert.setObject(3, OffsetDateTime.ofInstant(checkpoint.signedAt(), ZoneOffset.UTC));
            insert.setString(4, checkpoint.keyId());
            insert.setBytes(5, checkpoint.signature());
            insert.setString(6, Checkpoint.ALGORITHM);
            insert.setBytes(7, publicKey.getEncoded());
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return checkpoint.withId(row.getLong(1));
            }
        }
    }

    /** All checkpoints, oldest first. */
    public List<Checkpoint> all(Connection connection) throws SQLException {
        return query(connection, "select " + COLUMNS + " from audit_checkpoint order by id");
    }

    public Optional<Checkpoint> latest(Connection connection) throws SQLException {
        return query(connection, "select " + COLUMNS + " from audit_checkpoint order by id desc limit 1").stream()
                .findFirst();
    }

    private static List<Checkpoint> query(Connection connection, String sql) throws SQLException {
        List<Checkpoint> checkpoints = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                checkpoints.add(new Checkpoint(rows.getLong(1), rows.getLong(2), rows.getBytes(3),
                        rows.getObject(4, OffsetDateTime.class).toInstant(), rows.getString(5), rows.getBytes(6)));
            }
        }
        return checkpoints;
    }
}
