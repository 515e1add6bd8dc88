package dev.stay.catalog.search;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Compares sort values as OpenSearch does for {@code search_after}: field by field, numbers as numbers (a missing
 * rating comes back as {@code "-Infinity"}, a number written as text), anything else (the id) as text.
 */
public final class Keyset {

    private Keyset() {}

    /** Above zero when {@code values} comes after {@code after} in this order. */
    public static int compare(JsonNode values, JsonNode after, List<Boolean> descending) {
        for (int i = 0; i < descending.size(); i++) {
            Double a = number(values.get(i));
            Double b = number(after.get(i));
            int order = a != null && b != null ? Double.compare(a, b)
                    : values.get(i).asString("").compareTo(after.get(i).asString(""));
            if (order != 0) {
                return descending.get(i) ? -order : order;
            }
        }
        return 0;
    }

    private static Double number(JsonNode value) {
        if (value.isNumber()) {
            return value.asDouble();
        }
        String text = value.asString("");
        if (text.equals("Infinity") || text.equals("-Infinity")) {
            return Double.parseDouble(text);
        }
        return null;
    }
}
