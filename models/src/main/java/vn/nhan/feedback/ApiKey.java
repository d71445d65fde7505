package vn.nhan.feedback;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/** A named API key as the store keeps it (never the secret): its role, when it was made and revoked. */
public record ApiKey(String name, Role role, Instant created, Instant revoked) {
    /** What a key may do: an editor sends and reads corrections; an admin also overrides and administers. */
    public enum Role {
        EDITOR, ADMIN;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses "editor" or "admin". */
        public static Role parse(String value) {
            for (Role r : values()) {
                if (r.id().equals(value)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("role must be one of " + Arrays.stream(values()).map(Role::id).toList() + ", got '" + value + "'");
        }
    }

    public ApiKey {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(role, "role must not be null");
    }

    public boolean isRevoked() {
        return revoked != null;
    }
}
