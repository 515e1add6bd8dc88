package dev.stay.keycloak.events;

import org.keycloak.events.Event;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.ResourceType;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Kafka topics this listener publishes to, and which Keycloak events go where. */
enum UserTopic {

    /** A self-registration ({@code REGISTER}) or a user created by an admin. */
    REGISTERED("user.registered"),
    /** The user changed their profile or email ({@code UPDATE_PROFILE}, {@code UPDATE_EMAIL}), or an admin did. */
    PROFILE_CHANGED("user.profile-changed");

    /** {@code users/<id>} exactly: role mappings, sessions, credentials and the like live below it and are not profile changes. */
    private static final Pattern USER_PATH = Pattern.compile("users/([^/]+)");

    private final String topic;

    UserTopic(String topic) {
        this.topic = topic;
    }

    String topic() {
        return topic;
    }

    /** Failed events (with an error) change nothing and are not published. */
    static Optional<UserTopic> of(Event event) {
        if (event.getType() == null || event.getError() != null || event.getUserId() == null) {
            return Optional.empty();
        }
        return switch (event.getType()) {
            case REGISTER -> Optional.of(REGISTERED);
            case UPDATE_PROFILE, UPDATE_EMAIL -> Optional.of(PROFILE_CHANGED);
            default -> Optional.empty();
        };
    }

    static Optional<UserTopic> of(AdminEvent event) {
        if (event.getResourceType() != ResourceType.USER || event.getError() != null || userIdOf(event).isEmpty()) {
            return Optional.empty();
        }
        return switch (event.getOperationType()) {
            case CREATE -> Optional.of(REGISTERED);
            case UPDATE -> Optional.of(PROFILE_CHANGED);
            case null, default -> Optional.empty();
        };
    }

    /** The user an admin event is about, when it is about the user resource itself. */
    static Optional<String> userIdOf(AdminEvent event) {
        if (event.getResourcePath() == null) {
            return Optional.empty();
        }
        Matcher path = USER_PATH.matcher(event.getResourcePath());
        return path.matches() ? Optional.of(path.group(1)) : Optional.empty();
    }
}
