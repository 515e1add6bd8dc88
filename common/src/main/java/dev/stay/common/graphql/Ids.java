package dev.stay.common.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Stay's ids are UUIDs on the wire as GraphQL {@code ID}s. */
public final class Ids {

    private Ids() {}

    /** The id of a root field's argument: a malformed one is the caller's error. */
    public static UUID parse(String field, String id) {
        return tryParse(id).orElseThrow(() -> new BadUserInput(field, "INVALID_ID", "'" + field + "' is not a valid id"));
    }

    /** The well-formed ids of an {@code _entities} batch; the others simply match nothing. */
    public static List<UUID> parseValid(List<String> ids) {
        return ids.stream().map(Ids::tryParse).flatMap(Optional::stream).toList();
    }

    /** Entities answered in the order the router asked for them, null where none was found. */
    public static <T> List<T> inRequestOrder(List<String> ids, Map<UUID, T> found) {
        List<T> ordered = new ArrayList<>(ids.size());
        for (String id : ids) {
            ordered.add(tryParse(id).map(found::get).orElse(null));
        }
        return ordered;
    }

    /** The id, or empty when it is not a well-formed one. */
    public static Optional<UUID> tryParse(String id) {
        try {
            return id == null || id.length() != 36 ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
