package dev.stay.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A dated page is cut in memory as OpenSearch cuts an undated one with search_after. */
class KeysetTest {

    final JsonMapper json = new JsonMapper();

    @Test
    void bestRatedFirstTheUnratedLastThenById() {
        List<Boolean> ratingDescIdAsc = List.of(true, false);

        assertThat(Keyset.compare(values("[4.1, \"b\"]"), values("[4.5, \"a\"]"), ratingDescIdAsc)).isPositive();
        assertThat(Keyset.compare(values("[\"-Infinity\", \"a\"]"), values("[3.0, \"z\"]"), ratingDescIdAsc))
                .as("an unrated hotel after every rated one").isPositive();
        assertThat(Keyset.compare(values("[4.5, \"b\"]"), values("[4.5, \"a\"]"), ratingDescIdAsc)).isPositive();
        assertThat(Keyset.compare(values("[4.5, \"a\"]"), values("[4.5, \"a\"]"), ratingDescIdAsc)).isZero();
    }

    @Test
    void lowestTotalFirst() {
        assertThat(Keyset.compare(values("[180.0, \"x\"]"), values("[300.0, \"a\"]"), List.of(false, false))).isNegative();
    }

    private JsonNode values(String array) {
        return json.readTree(array);
    }
}
