package dev.stay.devstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Files under the work dir: engine data, generated configuration, logs. */
public final class WorkDir {

    private WorkDir() {
    }

    public static Path temporary(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code <parent>/run-<pid>}, after removing the {@code run-*} dirs of processes that have ended. */
    public static Path forThisProcess(Path parent) {
        if (Files.isDirectory(parent)) {
            try (Stream<Path> runs = Files.list(parent)) {
                runs.filter(dir -> dir.getFileName().toString().matches("run-\\d+"))
                        .filter(dir -> ProcessHandle.of(Long.parseLong(dir.getFileName().toString().substring(4))).isEmpty())
                        .forEach(WorkDir::deleteRecursively);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return create(parent.resolve("run-" + ProcessHandle.current().pid()));
    }

    public static Path create(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
