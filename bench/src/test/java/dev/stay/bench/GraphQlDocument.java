package dev.stay.bench;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * A GraphQL operation with the hotel id as {@code $id} and fixed other variables, as the JSON body of a POST.
 * The body is built as text, once per request, so that its bytes are exactly the ones signed for a subgraph.
 */
record GraphQlDocument(String operationName, String query, Map<String, String> fixedVariables) {

    String body(String hotelId) {
        String others = fixedVariables.entrySet().stream()
                .map(variable -> "," + json(variable.getKey()) + ":" + json(variable.getValue()))
                .collect(Collectors.joining());
        return "{\"operationName\":" + json(operationName) + ",\"query\":" + json(query)
                + ",\"variables\":{\"id\":" + json(hotelId) + others + "}}";
    }

    /** A JSON string; the documents here hold no control characters but line breaks. */
    private static String json(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
