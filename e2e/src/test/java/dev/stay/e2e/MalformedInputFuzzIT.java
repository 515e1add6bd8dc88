package dev.stay.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.seed.world.DemoWorld;
import dev.stay.devstack.engines.Keycloak;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Thousands of malformed requests through the router, made from the public schema ({@link MalformedInputs}), as an
 * anonymous caller and as a signed-in owner. Whatever the input, the answer is a client error: never a 5xx, never an
 * {@code INTERNAL} code or a {@code DOWNSTREAM_SERVICE_ERROR} that hides one, never a stack trace or SQL text.
 */
class MalformedInputFuzzIT {

    /** What must never reach a client: Java stack frames and exception names, SQL and driver messages. */
    private static final Pattern LEAK = Pattern.compile(
            "\\tat |\\bat (java|org|dev|com)\\.|Exception\\b|org\\.jooq|org\\.postgresql|SQLSTATE|PSQLException|"
                    + "syntax error at|violates (check|not-null|foreign key|unique) constraint|\\bjdbc:|"
                    + "invalid byte sequence|Caused by");
    private static final List<String> HIDDEN_FAILURES = List.of("INTERNAL_SERVER_ERROR", "INTERNAL", "INTERNAL_ERROR",
            "DOWNSTREAM_SERVICE_ERROR");

    /** The router's default cap on a request body (router/src/request-size.mjs). */
    private static final int MAX_BODY_BYTES = 128 * 1024;

    final Keycloak keycloak = Stay.platform().engines().keycloak();
    final StayClient anonymous = Stay.client();

    @Test
    void noMalformedInputGetsAServerErrorOrLeaksInternals() throws Exception {
        TypeDefinitionRegistry schema = new SchemaParser().parse(Path.of("../router/target/api-schema.graphql").toFile());
        String demoHotel = DemoWorld.small().hotels().getFirst().id().toString();
        // a published restaurant of the run, so that Restaurant.availability and its like are reached with bad input
        String restaurant = new Restaurants().aPublishedRestaurantOpenNow("Fuzz", 1).id();
        List<MalformedInputs.Case> cases = new MalformedInputs(schema, 20261130L, demoHotel, restaurant).cases();
        Owners owners = new Owners();
        List<String> failures = new ArrayList<>();

        for (MalformedInputs.Case fuzz : cases) {
            check(fuzz, anonymous, failures);
            check(fuzz, owners.next(fuzz), failures);
        }

        System.out.printf("[fuzz] %d malformed requests, %d answered badly%n", cases.size() * 2, failures.size());
        assertThat(cases).as("cases made from the schema").hasSizeGreaterThan(300);
        assertThat(failures).as("%d of %d requests answered badly", failures.size(), cases.size() * 2).isEmpty();
    }

    private static void check(MalformedInputs.Case fuzz, StayClient client, List<String> failures) {
        StayClient.Response response;
        try {
            response = client.send(fuzz.document(), fuzz.variables());
        } catch (IllegalStateException closed) {
            // the router answers 413 to a body over its cap as soon as it has read that much, and closes the
            // connection: a client still writing may see the close before the answer. Only such a body may end so.
            if (StayClient.bodyBytes(fuzz.document(), fuzz.variables()) <= MAX_BODY_BYTES) {
                failures.add("no answer for " + fuzz.malformed() + ": " + closed.getMessage());
            }
            return;
        }
        JsonNode body = response.body();
        String text = body.toString();
        List<String> codes = new ArrayList<>();
        body.path("errors").forEach(error -> codes.add(error.path("extensions").path("code").asString()));
        String problem = null;
        if (response.status() >= 500) {
            problem = "HTTP " + response.status();
        } else if (codes.stream().anyMatch(HIDDEN_FAILURES::contains)) {
            problem = "codes " + codes;
        } else if (LEAK.matcher(text).find()) {
            problem = "leaks internals";
        }
        if (problem != null) {
            failures.add(problem + " for " + fuzz.malformed() + ": "
                    + (text.length() > 400 ? text.substring(0, 400) + "..." : text));
        }
    }

    /**
     * Fresh owners, each used for fewer mutations than the per-user budget, so that every request reaches the
     * subgraphs instead of the rate limit (which has its own test).
     */
    private final class Owners {

        private StayClient current;
        private int mutations;

        StayClient next(MalformedInputs.Case fuzz) {
            if (current == null || (fuzz.mutation() && mutations >= Stay.MUTATIONS_PER_MINUTE - 1)) {
                String email = "fuzz-" + UUID.randomUUID() + "@stay.example";
                String password = "fuzz-local-dev-password";
                UUID id = keycloak.register(email, password, "Fuzz", "Owner");
                keycloak.grantRealmRole(id, "owner");
                current = anonymous.withToken(keycloak.passwordToken(email, password));
                mutations = 0;
            }
            if (fuzz.mutation()) mutations++;
            return current;
        }
    }
}
