package vn.nhan.feedback;

import java.sql.SQLException;
import java.time.Duration;

/**
 * The feedback store cannot do this now, and nothing was stored: another writer holds the lock,
 * the database is unreachable, or its file was deleted or replaced under the service. A caller
 * answers "retry after {@link #retryAfter()}"; it is not a bug to report.
 */
public final class StoreUnavailableException extends SQLException {
    /** Why the store is unavailable. */
    public enum Reason {
        /** Busy: a lock or every connection is held by others; retrying soon will likely work. */
        BUSY,
        /** The database cannot be reached or opened. */
        UNAVAILABLE,
        /** The SQLite file was deleted or replaced while in use; the store reopens the file at its path. */
        REPLACED
    }

    private final Reason reason;
    private final Duration retryAfter;

    public StoreUnavailableException(Reason reason, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
