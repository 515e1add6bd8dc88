package dev.stay.devstack.engines;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a subgraph started inside a test JVM at the shared engines ({@link Engines#shared()}, started once per
 * JVM): its {@code STAY_*} placeholders resolve to the engines' endpoints. The subgraph is known by its
 * {@code spring.application.name}. Use with {@code @ContextConfiguration(initializers = ...)}.
 */
public class EnginesContextInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String subgraph = context.getEnvironment().getRequiredProperty("spring.application.name");
        if (subgraph.equals("booking")) {
            Engines.shared().payment(); // booking charges cards: every booking context talks to the provider's stub
            Engines.shared().notifications(); // and notifies guests through the messaging provider's stub
        }
        if (subgraph.equals("catalog")) {
            Engines.shared().openSearch(); // catalog indexes and searches hotels in every context
        }
        Map<String, Object> properties = new LinkedHashMap<>(Engines.shared().environmentFor(subgraph));
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("devstack-engines", properties));
    }
}
