package dev.stay.catalog.search;

import dev.stay.common.graphql.BadUserInput;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * A page boundary: the sort values of the last hotel of a page and its id (the keyset), with the fingerprint of
 * the search it came from, base64url-encoded. A cursor of another search, or one that is not ours, is refused as
 * INVALID_CURSOR; one that decodes can only say where to start, never what to read.
 */
public final class SearchCursor {

    private static final int MAX_LENGTH = 1000;

    private SearchCursor() {}

    public static String encode(JsonMapper json, String fingerprint, JsonNode sortValues) {
        String text = json.writeValueAsString(json.createObjectNode().put("f", fingerprint).set("s", sortValues));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The sort values after which the page starts; null for the first page. */
    public static ArrayNode decode(JsonMapper json, String cursor, String fingerprint, int sortFields) {
        if (cursor == null) {
            return null;
        }
        try {
            if (cursor.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            JsonNode node = json.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            JsonNode values = node.path("s");
            if (!fingerprint.equals(node.path("f").asString(null)) || !(values instanceof ArrayNode array)
                    || array.size() != sortFields) {
                throw new IllegalArgumentException("not a cursor of this search");
            }
            for (JsonNode value : array) {
                if (!(value.isNumber() || value.isString() && value.asString().length() <= 64 || value.isNull())) {
                    throw new IllegalArgumentException("not a sort value");
                }
            }
            return array;
        } catch (RuntimeException e) {
            throw new BadUserInput("after", "INVALID_CURSOR", "after is not a cursor of this search");
        }
    }

    /** Hex SHA-256 of a normalised search: its cache key, and (a prefix) its fingerprint. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
