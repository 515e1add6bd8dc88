package dev.stay.catalog.search;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** Compares sort values as OpenSearch does for {@code search_after}: field by field, numbers or text. */
final class Keyset {

    private Keyset() {}

    /** Above zero when {@code values} comes after {@code after} in this order. */
    static int compare(JsonNode values, JsonNode after, List<Boolean> descending) {
        for (int i = 0; i < descending.size(); i++) {
            JsonNode a = values.get(i);
            JsonNode b = after.get(i);
            int order = a.isNumber() && b.isNumber() ? Double.compare(a.asDouble(), b.asDouble())
                    : a.asString("").compareTo(b.asString(""));
            if (order != 0) {
                return descending.get(i) ? -order : order;
            }
        }
        return 0;
    }
}
