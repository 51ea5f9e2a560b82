package dev.mitosis.store;

import dev.mitosis.io.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The one writer of a run: an OS file lock on {@value #FILE} in the run directory, held for as long as a
 * process grows or trains into the run. The lock, not the file, is what counts: the OS releases it when
 * the holder exits, however it exits, so a crashed writer never blocks the run. The file's text says who
 * holds it ("pid 4242 on host since 2026-12-01T21:40:00Z"), for the message a second writer gets.
 */
final class RunLock implements AutoCloseable {

    static final String FILE = "run.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or fails with one line naming the holder. */
    static RunLock acquire(Path dir) {
        return tryAcquire(dir).orElseThrow(() -> new BadInputException(dir + ": another Mitosis process is writing"
                + " this run (" + holder(dir) + "); wait until it finishes or stop it"));
    }

    /** The lock if no other process (or other store in this process) holds it. */
    static Optional<RunLock> tryAcquire(Path dir) {
        return tryAcquire(dir, true);
    }

    /** {@code record}: write who holds the lock into the file (not for a mere probe). */
    private static Optional<RunLock> tryAcquire(Path dir, boolean record) {
        Path file = dir.resolve(FILE);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            if (record) {
                String who = "pid " + ProcessHandle.current().pid() + " on "
                        + ManagementFactory.getRuntimeMXBean().getName().replaceFirst("^\\d+@", "") + " since "
                        + Instant.now().truncatedTo(ChronoUnit.SECONDS);
                channel.truncate(0);
                channel.write(ByteBuffer.wrap((who + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                channel.force(false);
            }
            return Optional.of(new RunLock(channel, lock));
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new UncheckedIOException(file + ": cannot lock (" + e.getMessage() + ")", e);
        }
    }

    /** Whether a live process holds the run's lock. */
    static boolean isHeld(Path dir) {
        if (!Files.exists(dir.resolve(FILE))) {
            return false;
        }
        Optional<RunLock> probe = tryAcquire(dir, false);
        probe.ifPresent(RunLock::close);
        return probe.isEmpty();
    }

    private static String holder(Path dir) {
        try {
            String text = Files.readString(dir.resolve(FILE), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "holder unknown" : text;
        } catch (IOException e) {
            return "holder unknown";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the run lock: " + e.getMessage(), e);
        }
    }
}
