package dev.stay.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.crashLoadGeneratorIf;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.PopulationBuilder;
import java.util.List;

/** How a simulation here strings its phases together: one after the other, with plain actions between them. */
final class Steps {

    private static final String STEP_FAILURE = "stepFailure";

    private Steps() {
    }

    /** One action between phases; if it fails, the run stops there rather than measure something else. */
    static PopulationBuilder step(String name, Runnable action) {
        return scenario(name)
                .exec(session -> {
                    try {
                        action.run();
                        return session;
                    } catch (RuntimeException e) {
                        return session.set(STEP_FAILURE, name + " failed: " + e);
                    }
                })
                .exec(crashLoadGeneratorIf(session -> session.getString(STEP_FAILURE), session -> session.contains(STEP_FAILURE)))
                .injectOpen(atOnceUsers(1));
    }

    /** Each step starts when the one before has ended. */
    static PopulationBuilder inSequence(List<PopulationBuilder> steps) {
        PopulationBuilder chain = steps.getLast();
        for (int i = steps.size() - 2; i >= 0; i--) {
            chain = steps.get(i).andThen(chain);
        }
        return chain;
    }
}
