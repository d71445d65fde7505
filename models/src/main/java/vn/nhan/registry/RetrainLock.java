package vn.nhan.registry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The registry's job lock ({@code retrain.lock}), taken by every command that changes the registry
 * (retrain, promote, rollback, prune, bootstrap), so none of them can race another: an OS file
 * lock, released when the holder exits or crashes, never left stale. The file says who holds it,
 * for the message others get.
 */
public final class RetrainLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private RetrainLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Thrown when another job holds the lock. */
    public static final class HeldException extends IOException {
        public HeldException(String message) {
            super(message);
        }
    }

    /** Takes the lock for {@code job} (a word for the message others get), or throws {@link HeldException}. */
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
        channel.write(ByteBuffer.wrap((job + ", pid " + ProcessHandle.current().pid() + " since " + Instant.now()).getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
        return new RetrainLock(channel, lock);
    }

    public static RetrainLock acquire(ModelRegistry registry) throws IOException {
        return acquire(registry, "retrain");
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
