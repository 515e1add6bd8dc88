package dev.stay.devstack.process;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The engines' JVMs get this JVM's classpath without the logging bridge that breaks OpenSearch. */
class ChildJvmTest {

    @Test
    void springBootsLog4jBridgeIsLeftOutAndEverythingElseIsKept() {
        List<String> parent = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        assertThat(parent).as("this test runs with Spring Boot's logging, as a subgraph's tests do")
                .anyMatch(entry -> entry.contains("log4j-to-slf4j-"));

        List<String> child = ChildJvm.classpath();

        assertThat(child).noneMatch(entry -> entry.contains("log4j-to-slf4j-"));
        assertThat(child).anyMatch(entry -> entry.contains("log4j-core-"));
        assertThat(child).anyMatch(entry -> entry.contains("kafka_2.13-"));
        assertThat(child).hasSize(parent.size() - 1);
        assertThat(child).allMatch(entry -> Path.of(entry).isAbsolute());
    }
}
