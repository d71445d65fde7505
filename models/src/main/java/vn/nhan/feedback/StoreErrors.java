package vn.nhan.feedback;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Set;

/**
 * Tells a database error that means "busy" or "unreachable" (retry later; nothing was stored)
 * from one that is a bug, by SQLite result code, SQLSTATE class and JDBC exception type.
 */
final class StoreErrors {
    /** SQLite result codes (the low byte): BUSY and LOCKED; then the file cannot be read or written. */
    private static final Set<Integer> SQLITE_BUSY = Set.of(5, 6);
    private static final Set<Integer> SQLITE_UNAVAILABLE = Set.of(8, 10, 11, 13, 14, 26);
    /** PostgreSQL: shutting down, cannot connect now; lock or statement timeout, deadlock, serialization, resources. */
    private static final Set<String> PG_UNAVAILABLE = Set.of("57P01", "57P02", "57P03");
    private static final Set<String> PG_BUSY = Set.of("55P03", "57014", "40001", "40P01");

    private StoreErrors() {
    }

    /** {@code e} as a {@link StoreUnavailableException} when it is one of the "retry later" kinds, else {@code e}. */
    static SQLException classify(SQLException e, boolean sqlite, StoreLimits limits) {
        if (e instanceof StoreUnavailableException) {
            return e;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!(t instanceof SQLException s)) {
                continue;
            }
            StoreUnavailableException.Reason reason = reason(s, sqlite);
            if (reason != null) {
                Duration retry = reason == StoreUnavailableException.Reason.BUSY ? Duration.ofSeconds(1) : limits.retryInterval();
                return new StoreUnavailableException(reason, describe(reason, e), retry, e);
            }
        }
        return e;
    }

    private static StoreUnavailableException.Reason reason(SQLException s, boolean sqlite) {
        String state = s.getSQLState() == null ? "" : s.getSQLState();
        if (sqlite && s.getClass().getName().startsWith("org.sqlite.")) {
            int code = s.getErrorCode() & 0xff;
            if (SQLITE_BUSY.contains(code)) {
                return StoreUnavailableException.Reason.BUSY;
            }
            if (SQLITE_UNAVAILABLE.contains(code)) {
                return StoreUnavailableException.Reason.UNAVAILABLE;
            }
        }
        if (s instanceof SQLTransientConnectionException) {
            // HikariCP's "no connection within the timeout": with a cause the database refused it, without one every connection was in use
            return s.getCause() == null ? StoreUnavailableException.Reason.BUSY : StoreUnavailableException.Reason.UNAVAILABLE;
        }
        if (state.startsWith("08") || PG_UNAVAILABLE.contains(state) || s instanceof SQLNonTransientConnectionException
                || s instanceof SQLRecoverableException) {
            return StoreUnavailableException.Reason.UNAVAILABLE;
        }
        if (state.startsWith("53") || PG_BUSY.contains(state) || s instanceof SQLTimeoutException || s instanceof SQLTransientException) {
            return StoreUnavailableException.Reason.BUSY;
        }
        return null;
    }

    private static String describe(StoreUnavailableException.Reason reason, SQLException e) {
        String detail = e instanceof SQLTransientConnectionException && e.getCause() != null
                ? "no connection in time (" + firstLine(e.getCause().getMessage()) + ")" : firstLine(e.getMessage());
        return switch (reason) {
            case BUSY -> "the feedback store is busy (another writer holds it): " + detail;
            case UNAVAILABLE -> "the feedback store is unavailable: " + detail;
            case REPLACED -> "the feedback store's file was replaced: " + detail;
        };
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
