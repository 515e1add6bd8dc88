package dev.stay.keycloak.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.keycloak.models.UserModel;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * What the users subgraph learns about a user, on {@code user.registered} and {@code user.profile-changed} alike:
 * the profile as it is after the change. Keyed by user id, so a user's messages stay in order.
 *
 * @param eventId     Keycloak's id of the event: a redelivered message carries the same one
 * @param displayName "first last", or the username when the user has given no name
 * @param locale      the user's chosen locale, or null
 */
public record UserEvent(String eventId, String userId, String email, String displayName, String locale, Instant occurredAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The profile of {@code user} now, for the Keycloak event {@code eventId} that happened at {@code epochMillis}. */
    static UserEvent of(String eventId, long epochMillis, UserModel user) {
        return new UserEvent(eventId, user.getId(), user.getEmail(),
                displayName(user.getFirstName(), user.getLastName(), user.getUsername()),
                blankToNull(user.getFirstAttribute(UserModel.LOCALE)), Instant.ofEpochMilli(epochMillis));
    }

    static String displayName(String firstName, String lastName, String username) {
        String name = (trimmed(firstName) + " " + trimmed(lastName)).trim();
        return name.isEmpty() ? username : name;
    }

    /**
     * Keycloak gives every event an id; should one come without, a name-based id from what identifies the event
     * keeps a redelivery recognisable all the same.
     */
    static String eventId(String keycloakId, String kind, String userId, long epochMillis) {
        if (keycloakId != null && !keycloakId.isBlank()) {
            return keycloakId;
        }
        return UUID.nameUUIDFromBytes((kind + ":" + userId + ":" + epochMillis).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The message body: every field present, {@code locale} as JSON null when unset, the instant in ISO-8601. */
    public String toJson() {
        ObjectNode node = JSON.createObjectNode()
                .put("eventId", eventId)
                .put("userId", userId)
                .put("email", email)
                .put("displayName", displayName)
                .put("locale", locale)
                .put("occurredAt", occurredAt.toString());
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the event of user " + userId, e);
        }
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
