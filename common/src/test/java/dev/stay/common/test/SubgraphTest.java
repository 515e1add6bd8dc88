package dev.stay.common.test;

import dev.stay.devstack.engines.EnginesContextInitializer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A subgraph application against the real engines of the devstack, started once per test JVM and shared by every
 * test class; Spring caches the context between the classes that use this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "STAY_PROFILE=local")
@ContextConfiguration(initializers = EnginesContextInitializer.class)
@Import(SubgraphTestSupport.class)
public @interface SubgraphTest {}
