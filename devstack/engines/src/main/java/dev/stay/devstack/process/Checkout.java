package dev.stay.devstack.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Stay checkout a devstack runs in: the engines keep their cache under it ({@code .platform/cache}), the launcher
 * finds the subgraphs' jars and the router there. Known by what only its root holds: {@code schema/} and {@code pom.xml}.
 */
public final class Checkout {

    private Checkout() {
    }

    /** The nearest directory at or above {@code from} that is the root of a checkout. */
    public static Optional<Path> rootAbove(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("schema")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /** The same, or a failure that says where it looked. */
    public static Path root(Path from) {
        return rootAbove(from).orElseThrow(() ->
                new IllegalStateException("no Stay checkout (a directory with schema/ and pom.xml) at or above " + from));
    }
}
