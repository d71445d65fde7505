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
 * The registry's job lock ({@code retrain.lock}): an OS file lock, so it is released when the holder
 * exits or crashes, never left stale. The file says who holds it, for the message others get.
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

    public static RetrainLock acquire(ModelRegistry registry) throws IOException {
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
            throw new HeldException("another retrain job is running on registry " + registry.root() + (holder.isEmpty() ? "" : " (" + holder + ")"));
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " since " + Instant.now()).getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
        return new RetrainLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
