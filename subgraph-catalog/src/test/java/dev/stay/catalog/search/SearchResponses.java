package dev.stay.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.test.tester.GraphQlTester;

/** What hotels' and restaurants' search tests read of an answer: a refusal's reason, a facet's counts. */
public final class SearchResponses {

    private SearchResponses() {}

    /** The answer is one BAD_USER_INPUT error naming this field and reason. */
    public static void refused(GraphQlTester.Response response, String field, String reason) {
        response.errors().satisfy(errors -> {
            assertThat(errors).as(reason).hasSize(1);
            assertThat(errors.getFirst().getExtensions()).as(reason)
                    .containsEntry("code", "BAD_USER_INPUT").containsEntry("reason", reason).containsEntry("field", field);
        });
    }

    /** A facet's buckets at this path, as value (under {@code key}) to count. */
    @SuppressWarnings("unchecked")
    public static <K> Map<K, Integer> counts(GraphQlTester.Response response, String path, String key) {
        Map<K, Integer> counts = new LinkedHashMap<>();
        List<Map<String, Object>> buckets = (List<Map<String, Object>>) (List<?>) response.path(path)
                .entityList(Map.class).get();
        for (Map<String, Object> bucket : buckets) {
            counts.put((K) bucket.get(key), ((Number) bucket.get("count")).intValue());
        }
        return counts;
    }
}
