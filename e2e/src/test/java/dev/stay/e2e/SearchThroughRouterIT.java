package dev.stay.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.devstack.engines.DemoAccounts;
import dev.stay.seed.world.DemoWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Hotel search through the router on the demo world {@code ./platform up} loads and indexes: what a city holds, page
 * after page; accents ignored; dated results priced; partners through their persisted document; bad input typed.
 */
class SearchThroughRouterIT {

    static final String SEARCH = """
            query ($input: HotelSearchInput!, $first: Int, $after: String) {
              searchHotels(input: $input, first: $first, after: $after) {
                totalCount
                pageInfo { hasNextPage endCursor }
                edges { cursor rating lowestTotal { amount currency } node { id name address { city } } }
                facets { stars { stars count } }
              }
            }""";

    final StayClient client = Stay.client();
    final DemoWorld world = DemoWorld.small();

    @Test
    void everyHotelOfACityComesPageAfterPageOnceEach() {
        DemoWorld.Hotel demo = world.hotels().getFirst();
        Set<String> expected = world.hotels().stream().filter(h -> h.city().name().equals(demo.city().name()))
                .map(h -> h.id().toString()).collect(Collectors.toSet());

        List<String> seen = new ArrayList<>();
        String after = null;
        JsonNode page;
        do {
            page = search(Map.of("city", demo.city().name(), "sort", "RATING"), 7, after);
            for (JsonNode edge : page.path("edges")) seen.add(edge.path("node").path("id").asString());
            after = page.path("pageInfo").path("endCursor").asString(null);
        } while (page.path("pageInfo").path("hasNextPage").asBoolean());

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(page.path("totalCount").asInt()).isEqualTo(expected.size());
        int starred = 0;
        for (JsonNode bucket : page.path("facets").path("stars")) starred += bucket.path("count").asInt();
        assertThat(starred).as("the stars facet counts every hotel of the city once").isEqualTo(expected.size());
    }

    @Test
    void saoPauloIsFoundWithoutItsAccent() {
        long inSaoPaulo = world.hotels().stream().filter(h -> h.city().name().equals("São Paulo")).count();

        JsonNode page = search(Map.of("city", "sao paulo"), 50, null);

        assertThat(page.path("totalCount").asInt()).isEqualTo((int) inSaoPaulo).isPositive();
        assertThat(page.path("edges").path(0).path("node").path("address").path("city").asString()).isEqualTo("São Paulo");
    }

    @Test
    void aDatedSearchPricesEveryResultInItsCitysCurrency() {
        DemoWorld.Hotel demo = world.hotels().getFirst();
        LocalDate checkIn = LocalDate.now().plusDays(45);

        JsonNode page = search(Map.of("city", demo.city().name(), "checkIn", checkIn.toString(),
                "checkOut", checkIn.plusDays(2).toString(), "guests", 2, "sort", "PRICE"), 20, null);

        assertThat(page.path("edges").size()).isPositive();
        List<Double> totals = new ArrayList<>();
        for (JsonNode edge : page.path("edges")) {
            assertThat(edge.path("lowestTotal").path("currency").asString()).isEqualTo(demo.city().currency());
            totals.add(Double.parseDouble(edge.path("lowestTotal").path("amount").asString()));
        }
        assertThat(totals).isSorted();
    }

    @Test
    void partnersSearchThroughTheirPersistedDocument() throws Exception {
        StayClient partner = client.withToken(Stay.platform().engines().keycloak()
                .clientCredentialsToken(DemoAccounts.PARTNER.clientId(), DemoAccounts.PARTNER.secret()));
        DemoWorld.Hotel demo = world.hotels().getFirst();

        StayClient.Response answer = partner.sendDocument(documentId("SearchHotels"),
                Map.of("input", Map.of("city", demo.city().name()), "first", 5));

        assertThat(answer.body().path("errors").isMissingNode()).as(answer.body().toString()).isTrue();
        assertThat(answer.data().path("searchHotels").path("edges").size()).isEqualTo(5);
        assertThat(partner.send(SEARCH, Map.of("input", Map.of("city", "Lisbon"))).status())
                .as("a partner's own document is refused").isEqualTo(403);
    }

    @Test
    void absurdSearchesAreTypedErrors() {
        Map<String, Object> absurd = new HashMap<>();
        absurd.put("near", Map.of("lat", 38.7, "lon", -9.1));
        absurd.put("radiusKm", 1e6);
        assertThat(reason(absurd, 20, null)).isEqualTo("OUT_OF_RANGE");
        assertThat(reason(Map.of("city", "Lisbon"), 1_000_000_000, null)).isEqualTo("OUT_OF_RANGE");
        assertThat(reason(Map.of("city", "Lisbon"), 20, "Zm9yZ2Vk")).isEqualTo("INVALID_CURSOR");
        assertThat(reason(Map.of("text", "y".repeat(10_000)), 20, null)).isEqualTo("TOO_LONG");
    }

    private JsonNode search(Map<String, Object> input, int first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("input", input);
        variables.put("first", first);
        variables.put("after", after);
        JsonNode body = client.send(SEARCH, variables).body();
        assertThat(body.path("errors").isMissingNode()).as("errors: %s", body.path("errors")).isTrue();
        return body.path("data").path("searchHotels");
    }

    private String reason(Map<String, Object> input, int first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("input", input);
        variables.put("first", first);
        variables.put("after", after);
        JsonNode error = client.send(SEARCH, variables).body().path("errors").path(0);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("BAD_USER_INPUT");
        return error.path("extensions").path("reason").asString();
    }

    private static String documentId(String name) throws Exception {
        byte[] document = Files.readAllBytes(Path.of("..", "router", "persisted", name + ".graphql"));
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document));
    }
}
