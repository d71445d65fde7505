package vn.nhan.registry;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's job lock, taken by every command that changes the registry (retrain, promote,
 * rollback, prune, bootstrap), so none of them can race another. With a SQLite feedback store (one
 * host) it is an OS file lock on {@code retrain.lock}. With a PostgreSQL store, whose registry may
 * be shared between hosts over NFS where file locks do not hold, it is a PostgreSQL advisory lock
 * ({@code pg_try_advisory_lock}) held by a connection of its own for the whole job. Either is
 * released when the holder exits or crashes, never left stale, and tells others who holds it.
 */
public final class RetrainLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetrainLock.class);
    /** The advisory lock's key: one registry job at a time per feedback database. */
    static final long ADVISORY_KEY = 0x6e68616e_6a6f6273L; // "nhanjobs"
    private final Release release;

    @FunctionalInterface
    private interface Release {
        void run() throws IOException;
    }

    private RetrainLock(Release release) {
        this.release = release;
    }

    /** Thrown when another job holds the lock. */
    public static final class HeldException extends IOException {
        public HeldException(String message) {
            super(message);
        }
    }

    /**
     * Takes the lock for {@code job} (a word for the message others get) on a registry whose
     * feedback store is at {@code feedbackUrl}: the advisory lock for a PostgreSQL URL, else the file
     * lock. Throws {@link HeldException} when another job holds it.
     */
    public static RetrainLock acquire(ModelRegistry registry, String job, String feedbackUrl) throws IOException {
        if (feedbackUrl != null && feedbackUrl.startsWith("jdbc:postgresql:")) {
            return advisory(feedbackUrl, job);
        }
        return acquire(registry, job);
    }

    /** Takes the file lock for {@code job}, or throws {@link HeldException}. */
    public static RetrainLock acquire(ModelRegistry registry, String job) throws IOException {
        Path file = registry.root().resolve("retrain.lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
            throw new HeldException("another job is changing registry " + registry.root() + (holder.isEmpty() ? "" : " (" + holder + ")")
                    + "; try again when it ends");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(holder(job).getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
        FileLock held = lock;
        return new RetrainLock(() -> {
            held.release();
            channel.close();
        });
    }

    public static RetrainLock acquire(ModelRegistry registry) throws IOException {
        return acquire(registry, "retrain");
    }

    /** The advisory lock on the database at {@code url}, held by a connection of its own until {@link #close()}. */
    static RetrainLock advisory(String url, String job) throws IOException {
        Properties props = new Properties();
        props.setProperty("ApplicationName", holder(job)); // what pg_stat_activity shows to the jobs refused
        props.setProperty("connectTimeout", "10");
        props.setProperty("tcpKeepAlive", "true");
        Connection c;
        try {
            c = DriverManager.getConnection(url, props);
        } catch (SQLException e) {
            throw new IOException("cannot reach the feedback database for the registry's job lock: " + e.getMessage(), e);
        }
        try (PreparedStatement p = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            p.setLong(1, ADVISORY_KEY);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next() || !r.getBoolean(1)) {
                    String holder = advisoryHolder(c);
                    c.close();
                    throw new HeldException("another job is changing the registry (PostgreSQL advisory lock held"
                            + (holder.isEmpty() ? "" : " by " + holder) + "); try again when it ends");
                }
            }
        } catch (SQLException e) {
            closeQuietly(c);
            throw new IOException("cannot take the registry's job lock in the feedback database: " + e.getMessage(), e);
        }
        return new RetrainLock(() -> {
            try (PreparedStatement p = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                p.setLong(1, ADVISORY_KEY);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next() || !r.getBoolean(1)) {
                        LOG.warn("the registry's advisory lock was no longer held when {} ended (its connection was lost)", job);
                    }
                }
            } catch (SQLException e) {
                LOG.warn("releasing the registry's advisory lock: {} (it is released with the connection)", e.getMessage());
            } finally {
                closeQuietly(c);
            }
        });
    }

    /** Who holds the advisory lock, from pg_locks and pg_stat_activity; empty when it cannot be told. */
    private static String advisoryHolder(Connection c) {
        try (PreparedStatement p = c.prepareStatement("SELECT a.application_name, a.client_addr, a.backend_start FROM pg_locks l "
                + "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 "
                + "AND l.classid::bigint = ? AND l.objid::bigint = ?")) {
            p.setLong(1, ADVISORY_KEY >>> 32);
            p.setLong(2, ADVISORY_KEY & 0xffffffffL);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? "'" + r.getString(1) + "' from " + (r.getString(2) == null ? "a local socket" : r.getString(2)) : "";
            }
        } catch (SQLException e) {
            return "";
        }
    }

    private static String holder(String job) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown host";
        }
        return job + ", pid " + ProcessHandle.current().pid() + " on " + host + " since " + Instant.now();
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the server closes the session, and its locks, anyway
        }
    }

    @Override
    public void close() throws IOException {
        release.run();
    }
}
