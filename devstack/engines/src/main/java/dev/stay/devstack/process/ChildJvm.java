package dev.stay.devstack.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Command lines for engines that run in a JVM of their own (Kafka, OpenSearch): the same JDK and the same
 * classpath as this JVM, less the logging bridges that would turn their Log4j2 calls back into SLF4J. That is
 * what lets a subgraph's test JVM, which has Spring Boot's logback and log4j-to-slf4j, start them unchanged.
 */
public final class ChildJvm {

    /** Jars of the parent classpath that the engines must not see. */
    private static final List<String> EXCLUDED_JARS = List.of(
            "log4j-to-slf4j-",     // Spring Boot's bridge: OpenSearch needs log4j-core as the Log4j2 provider
            "log4j-slf4j-impl-",   // bindings the other way round: two SLF4J providers are ambiguous
            "log4j-slf4j2-impl-");

    /** Quiet logback configuration for engines whose SLF4J logging ends up in logback. */
    static final String LOGBACK_CONFIG = "dev/stay/devstack/engines/engine-logback.xml";

    private ChildJvm() {
    }

    public static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * The command line for {@code mainClass}. The classpath goes into an argument file next to the log, since a
     * test JVM's classpath can pass the kernel's limit for one argument. {@link ParentWatch} wraps the main class so
     * the engine ends when this JVM ends, even if this JVM is killed and its shutdown hooks never run.
     */
    public static List<String> command(Path argFile, List<String> jvmOptions, String mainClass, List<String> args) {
        writeArgFile(argFile, classpath());
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("@" + argFile);
        command.add("-Dlogback.configurationFile=" + LOGBACK_CONFIG);
        command.addAll(jvmOptions);
        command.add(ParentWatch.class.getName());
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    public static List<String> classpath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            if (isManifestOnlyJar(entry)) {
                entries.addAll(manifestClassPath(Path.of(entry)));
            } else {
                entries.add(Path.of(entry).toAbsolutePath().toString()); // the engine runs in a directory of its own
            }
        }
        return entries.stream().filter(entry -> !isExcluded(entry)).toList();
    }

    private static boolean isExcluded(String entry) {
        String fileName = Path.of(entry).getFileName().toString();
        return EXCLUDED_JARS.stream().anyMatch(fileName::startsWith);
    }

    /** Surefire's default launcher jar holds nothing but a manifest Class-Path: the engines need the real entries. */
    private static boolean isManifestOnlyJar(String entry) {
        return Path.of(entry).getFileName().toString().startsWith("surefirebooter") && entry.endsWith(".jar");
    }

    private static List<String> manifestClassPath(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null) {
                return List.of(jar.toString());
            }
            List<String> entries = new ArrayList<>();
            for (String url : classPath.trim().split("\\s+")) {
                entries.add(Path.of(jar.getParent().toUri().resolve(url)).toString());
            }
            return entries;
        } catch (IOException | IllegalArgumentException e) {
            return List.of(jar.toString());
        }
    }

    private static void writeArgFile(Path argFile, List<String> classpath) {
        String joined = String.join(File.pathSeparator, classpath).replace("\\", "\\\\").replace("\"", "\\\"");
        try {
            Files.createDirectories(argFile.getParent());
            Files.writeString(argFile, "-cp \"" + joined + "\"\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
