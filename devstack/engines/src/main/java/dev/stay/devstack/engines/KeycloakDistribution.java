package dev.stay.devstack.engines;

import dev.stay.devstack.process.Progress;
import dev.stay.devstack.process.WorkDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Keycloak server ({@code org.keycloak:keycloak-quarkus-dist}) with Stay's event listener in {@code providers/},
 * unpacked once into a cache shared by every devstack on the machine, one directory per listener build:
 * {@code keycloak-<version>-<hash of what keycloak-events.jar holds>}. Keycloak's first start there also writes its
 * build of the server (about 40 s of work on two cores) into that directory; later starts reuse it. A directory
 * never changes once built, so several Keycloaks (a {@code platform up} and a test run) can run from it side by
 * side, each from a home of its own ({@link #instanceHome}) with its own realm import and transaction log.
 *
 * <p>Unpacking and the first start happen under {@link CacheLock}, so two JVMs racing wait for each other. A
 * directory whose first start never finished (its JVM was killed) is unpacked again from scratch.
 */
final class KeycloakDistribution {

    static final String VERSION = KeycloakArtifacts.VERSION;

    private static final String BUILT_MARKER = ".built";

    private final Path cacheRoot;
    private final Path zip;
    private final Path providerJar;
    private final Path home;

    private KeycloakDistribution(Path cacheRoot, Path zip, Path providerJar) {
        this.cacheRoot = cacheRoot;
        this.zip = zip;
        this.providerJar = providerJar;
        this.home = cacheRoot.resolve("keycloak-" + VERSION + "-" + KeycloakArtifacts.contentHash(providerJar).substring(0, 12));
    }

    static KeycloakDistribution locate(Path cacheRoot) {
        return new KeycloakDistribution(cacheRoot, KeycloakArtifacts.distributionZip(), KeycloakArtifacts.providerJar());
    }

    /** The shared directory of this version and listener build. */
    Path home() {
        return home;
    }

    boolean isBuilt() {
        return Files.exists(home.resolve(BUILT_MARKER));
    }

    /** Called once Keycloak started from it: its server build is complete and reusable. */
    void markBuilt() {
        WorkDir.write(home.resolve(BUILT_MARKER), "");
    }

    /**
     * Unpacks the distribution and adds the listener unless it is there and built. Call with the {@link CacheLock}
     * held. Unpacking goes to a temporary directory first and is renamed into place, so nobody sees half a server.
     */
    void prepare() {
        if (isBuilt()) {
            return;
        }
        long started = System.nanoTime();
        WorkDir.create(cacheRoot);
        removeUnfinished();
        Path unpacking = cacheRoot.resolve(".unpacking-" + UUID.randomUUID());
        try {
            unzip(zip, unpacking);
            Path unpacked = unpacking.resolve("keycloak-" + VERSION);
            Files.copy(providerJar, unpacked.resolve("providers").resolve("keycloak-events.jar"), StandardCopyOption.COPY_ATTRIBUTES);
            Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip + " into " + cacheRoot, e);
        } finally {
            WorkDir.deleteRecursively(unpacking);
        }
        Progress.done("devstack", "keycloak " + VERSION + " unpacked into " + home, started);
    }

    /** What a killed JVM left: an unpacking never renamed, a server never built. */
    private void removeUnfinished() {
        WorkDir.deleteRecursively(home);
        try (Stream<Path> entries = Files.list(cacheRoot)) {
            entries.filter(path -> path.getFileName().toString().startsWith(".unpacking-")).forEach(WorkDir::deleteRecursively);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A Keycloak home of its own in {@code dir}: its own {@code data/} (realm import, transaction log) and a copy of
     * {@code bin/kc.sh}, which takes the home from its own location; the server's jars, themes, configuration and
     * providers are links into the shared directory.
     */
    Path instanceHome(Path dir, byte[] realm) {
        Path instance = dir.resolve("home");
        WorkDir.deleteRecursively(instance);
        try {
            Files.createDirectories(instance.resolve("bin"));
            Files.copy(home.resolve("bin/kc.sh"), instance.resolve("bin/kc.sh"));
            for (String shared : new String[] {"lib", "themes", "conf", "providers"}) {
                Files.createSymbolicLink(instance.resolve(shared), home.resolve(shared));
            }
            Path imports = Files.createDirectories(instance.resolve("data/import"));
            Files.write(imports.resolve("stay-realm.json"), realm);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a Keycloak home in " + instance, e);
        }
        return instance;
    }

    /** Other listener builds and versions nobody runs any more: 190 MB each. */
    void removeOthersNotInUse() {
        try (Stream<Path> entries = Files.list(cacheRoot)) {
            entries.filter(path -> Files.isDirectory(path) && path.getFileName().toString().startsWith("keycloak-"))
                    .filter(path -> !path.equals(home))
                    .filter(CacheLock::isUnused)
                    .forEach(path -> {
                        WorkDir.deleteRecursively(path);
                        WorkDir.deleteRecursively(CacheLock.inUseFile(path));
                        Progress.line("devstack", "removed the unused " + path);
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("entry outside the distribution: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, target);
                }
            }
        }
    }
}
