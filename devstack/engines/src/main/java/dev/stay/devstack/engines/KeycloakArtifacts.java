package dev.stay.devstack.engines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where the two Keycloak artifacts of the build are: the server distribution (a dependency of the devstack, of type
 * zip) and Stay's event listener ({@code keycloak-events}, with the Kafka client shaded in). The build writes the
 * versions, and the path it resolved the zip to, into {@code keycloak.properties}.
 */
final class KeycloakArtifacts {

    private static final Properties BUILD = buildProperties();
    static final String VERSION = BUILD.getProperty("version");

    private static final String PROVIDER_SERVICE = "META-INF/services/org.keycloak.events.EventListenerProviderFactory";

    private KeycloakArtifacts() {
    }

    /**
     * The zip the build resolved (its path is written into {@code keycloak.properties}), else where Maven keeps it
     * in the local repository.
     */
    static Path distributionZip() {
        String name = "keycloak-quarkus-dist-" + VERSION + ".zip";
        Path resolved = Path.of(BUILD.getProperty("distribution", name));
        if (Files.isRegularFile(resolved)) {
            return resolved;
        }
        Path local = inLocalRepository("org/keycloak/keycloak-quarkus-dist/" + VERSION + "/" + name);
        if (Files.isRegularFile(local)) {
            return local;
        }
        throw new IllegalStateException("the Keycloak distribution is missing (" + resolved + ", " + local
                + "); get it with ./mvnw -pl devstack/engines dependency:resolve");
    }

    private static Properties buildProperties() {
        Properties properties = new Properties();
        try (InputStream in = KeycloakArtifacts.class.getResourceAsStream("keycloak.properties")) {
            if (in == null) {
                throw new IllegalStateException("dev/stay/devstack/engines/keycloak.properties is missing: build devstack/engines with Maven");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /**
     * Stay's listener: the {@code keycloak-events} jar on this JVM's classpath (a dependency of the devstack), the jar
     * next to its classes when the build put {@code target/classes} there instead, else the one installed in the local
     * repository. It must be the packaged jar: that is where the Kafka client is shaded in.
     */
    static Path providerJar() {
        String version = BUILD.getProperty("provider");
        try {
            var services = KeycloakArtifacts.class.getClassLoader().getResources(PROVIDER_SERVICE);
            while (services.hasMoreElements()) {
                URI service = services.nextElement().toURI();
                if (service.getScheme().equals("jar")) {
                    String jar = service.getSchemeSpecificPart();
                    return Path.of(URI.create(jar.substring(0, jar.indexOf("!/"))));
                }
                if (service.getScheme().equals("file")) {
                    Path target = Path.of(service).getParent().getParent().getParent().getParent();
                    Path packaged = target.resolve("keycloak-events-" + version + ".jar");
                    if (Files.isRegularFile(packaged)) {
                        return packaged;
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot look for Stay's Keycloak event listener on the classpath", e);
        }
        Path installed = inLocalRepository("dev/stay/keycloak-events/" + version + "/keycloak-events-" + version + ".jar");
        if (Files.isRegularFile(installed)) {
            return installed;
        }
        throw new IllegalStateException("Stay's Keycloak event listener (keycloak-events.jar) is not built: ./mvnw -pl keycloak install");
    }

    /** {@code maven.repo.local} when this JVM was given it, else Maven's default {@code ~/.m2/repository}. */
    private static Path inLocalRepository(String path) {
        String repository = System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        return Path.of(repository).resolve(path);
    }

    /**
     * A digest of what the jar holds, entry by entry in name order: the same listener gives the same directory even
     * when a rebuild orders or dates the entries differently.
     */
    static String contentHash(Path jar) {
        try (ZipFile file = new ZipFile(jar.toFile())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (ZipEntry entry : file.stream().filter(entry -> !entry.isDirectory()).sorted(Comparator.comparing(ZipEntry::getName)).toList()) {
                digest.update(entry.getName().getBytes(StandardCharsets.UTF_8));
                try (InputStream in = file.getInputStream(entry)) {
                    digest.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
