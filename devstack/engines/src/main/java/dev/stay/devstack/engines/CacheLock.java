package dev.stay.devstack.engines;

import dev.stay.devstack.process.Progress;
import dev.stay.devstack.process.Wait;
import dev.stay.devstack.process.WorkDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Locks on a cache that every JVM of the machine shares (the unpacked Keycloak): {@link #exclusive} around changes
 * to it, and an "in use" mark per cached directory for as long as this JVM lives, so that another JVM does not remove
 * a directory a Keycloak of this one runs from. File locks are held per process, so a lock within this JVM is taken
 * first.
 */
final class CacheLock implements AutoCloseable {

    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();
    /** Shared locks on the directories this JVM uses, held until it exits. */
    private static final Map<Path, FileLock> IN_USE = new ConcurrentHashMap<>();

    private final FileChannel channel;
    private final FileLock lock;

    private CacheLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits, up to {@code timeout}, until no other thread or JVM holds the cache. Release with {@link #close()} in the same thread. */
    static CacheLock exclusive(Path cacheRoot, Duration timeout) {
        try {
            if (!IN_THIS_JVM.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the cache " + cacheRoot + " is still locked by this JVM after " + Progress.format(timeout));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the cache " + cacheRoot, e);
        }
        FileChannel channel = null;
        try {
            WorkDir.create(cacheRoot);
            channel = FileChannel.open(cacheRoot.resolve("cache.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileChannel file = channel;
            FileLock lock = Wait.until("the lock on " + cacheRoot + " (another JVM is preparing Keycloak)", timeout,
                    () -> tryLock(file, false), () -> { });
            return new CacheLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            IN_THIS_JVM.unlock();
            throw new UncheckedIOException("cannot lock " + cacheRoot, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            IN_THIS_JVM.unlock();
            throw e;
        }
    }

    /** Marks {@code dir} as used by this JVM until it exits. Call while holding {@link #exclusive}. */
    static void markInUse(Path dir) {
        IN_USE.computeIfAbsent(dir, unused -> {
            try {
                FileChannel channel = FileChannel.open(inUseFile(dir), StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                return channel.lock(0, Long.MAX_VALUE, true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot mark " + dir + " as in use", e);
            }
        });
    }

    /** True when no JVM marks {@code dir} as in use. Call while holding {@link #exclusive}: nobody can mark it meanwhile. */
    static boolean isUnused(Path dir) {
        if (IN_USE.containsKey(dir)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(inUseFile(dir), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            Optional<FileLock> lock = tryLock(channel, false);
            lock.ifPresent(CacheLock::releaseQuietly);
            return lock.isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    static Path inUseFile(Path dir) {
        return dir.resolveSibling(dir.getFileName() + ".in-use");
    }

    private static Optional<FileLock> tryLock(FileChannel channel, boolean shared) {
        try {
            return Optional.ofNullable(channel.tryLock(0, Long.MAX_VALUE, shared));
        } catch (OverlappingFileLockException e) {
            return Optional.empty(); // this JVM holds it
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        releaseQuietly(lock);
        closeQuietly(channel);
        IN_THIS_JVM.unlock();
    }

    private static void releaseQuietly(FileLock lock) {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it as well
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
