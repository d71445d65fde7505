package vn.nhan.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * API keys, in the feedback store's database. A key is {@code nhan_<id>_<secret>}: the id finds the
 * row, and the row holds only a random salt and SHA-256(salt, key), compared in constant time. The
 * key itself is shown once, when it is made, and stored nowhere.
 */
public final class ApiKeys {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final Pattern KEY = Pattern.compile("nhan_([A-Za-z0-9_-]{12})_[A-Za-z0-9_-]{32,64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final FeedbackStore store;

    ApiKeys(FeedbackStore store) {
        this.store = store;
    }

    /** What a presented key turned out to be. */
    public record Check(Status status, ApiKey key) {
        public enum Status { VALID, REVOKED, UNKNOWN }

        static final Check UNKNOWN = new Check(Status.UNKNOWN, null);
    }

    /** Makes a key named {@code name} with {@code role} and returns the key, which is shown only this once. */
    public String add(String name, ApiKey.Role role) throws SQLException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a key name is 1 to 64 letters, digits or . _ @ - (starting with a letter or digit), got '" + name + "'");
        }
        String keyId = random(9);
        String key = "nhan_" + keyId + "_" + random(32);
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return store.withConnection(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM api_keys WHERE name = ?")) {
                p.setString(1, name);
                try (ResultSet r = p.executeQuery()) {
                    if (r.next()) {
                        throw new IllegalArgumentException("a key named '" + name + "' already exists (revoke it, or choose another name)");
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO api_keys (name, role, key_id, salt, hash, created_ms) VALUES (?, ?, ?, ?, ?, ?)")) {
                p.setString(1, name);
                p.setString(2, role.id());
                p.setString(3, keyId);
                p.setString(4, HexFormat.of().formatHex(salt));
                p.setString(5, HexFormat.of().formatHex(hash(salt, key)));
                p.setLong(6, System.currentTimeMillis());
                p.executeUpdate();
            }
            return key;
        });
    }

    /** Every key, by name, without secrets. */
    public List<ApiKey> list() throws SQLException {
        return store.withConnection(c -> {
            List<ApiKey> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT name, role, created_ms, revoked_ms FROM api_keys ORDER BY name");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(key(r));
                }
            }
            return out;
        });
    }

    /** Revokes the key named {@code name}; false when there is no such key or it was already revoked. */
    public boolean revoke(String name) throws SQLException {
        return store.withConnection(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE api_keys SET revoked_ms = ? WHERE name = ? AND revoked_ms IS NULL")) {
                p.setLong(1, System.currentTimeMillis());
                p.setString(2, name);
                return p.executeUpdate() == 1;
            }
        });
    }

    /** Checks a presented key: valid (with its holder), revoked, or unknown. */
    public Check check(String presented) throws SQLException {
        var m = presented == null ? null : KEY.matcher(presented);
        if (m == null || !m.matches()) {
            return Check.UNKNOWN;
        }
        String keyId = m.group(1);
        return store.withConnection(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT name, role, created_ms, revoked_ms, salt, hash FROM api_keys WHERE key_id = ?")) {
                p.setString(1, keyId);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        return Check.UNKNOWN;
                    }
                    ApiKey key = key(r);
                    byte[] expected = HexFormat.of().parseHex(r.getString(6));
                    if (!MessageDigest.isEqual(expected, hash(HexFormat.of().parseHex(r.getString(5)), presented))) {
                        return Check.UNKNOWN;
                    }
                    return new Check(key.isRevoked() ? Check.Status.REVOKED : Check.Status.VALID, key);
                }
            }
        });
    }

    private static ApiKey key(ResultSet r) throws SQLException {
        long revoked = r.getLong(4);
        Instant revokedAt = r.wasNull() ? null : Instant.ofEpochMilli(revoked);
        return new ApiKey(r.getString(1), ApiKey.Role.parse(r.getString(2)), Instant.ofEpochMilli(r.getLong(3)), revokedAt);
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return B64.encodeToString(b);
    }

    private static byte[] hash(byte[] salt, String key) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(salt);
            return d.digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
