package dev.stay.keycloak.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

import java.util.EnumSet;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class UserTopicTest {

    private static final String USER = "436deb4d-fa95-3a12-9fc1-eaaad0a6cb2a";

    @Test
    void aRegistrationGoesToUserRegistered() {
        assertThat(UserTopic.of(event(EventType.REGISTER))).contains(UserTopic.REGISTERED);
        assertThat(UserTopic.REGISTERED.topic()).isEqualTo("user.registered");
    }

    @Test
    void profileAndEmailUpdatesGoToUserProfileChanged() {
        assertThat(UserTopic.of(event(EventType.UPDATE_PROFILE))).contains(UserTopic.PROFILE_CHANGED);
        assertThat(UserTopic.of(event(EventType.UPDATE_EMAIL))).contains(UserTopic.PROFILE_CHANGED);
        assertThat(UserTopic.PROFILE_CHANGED.topic()).isEqualTo("user.profile-changed");
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, mode = EnumSource.Mode.EXCLUDE, names = {"REGISTER", "UPDATE_PROFILE", "UPDATE_EMAIL"})
    void everyOtherEventIsNotPublished(EventType type) {
        assertThat(UserTopic.of(event(type))).isEmpty();
    }

    @Test
    void aFailedRegistrationIsNotPublished() {
        Event failed = event(EventType.REGISTER);
        failed.setError("email_in_use");
        assertThat(UserTopic.of(failed)).isEmpty();
    }

    @Test
    void anAdminCreatingOrUpdatingAUserIsPublished() {
        assertThat(UserTopic.of(admin(OperationType.CREATE, ResourceType.USER, "users/" + USER))).contains(UserTopic.REGISTERED);
        assertThat(UserTopic.of(admin(OperationType.UPDATE, ResourceType.USER, "users/" + USER))).contains(UserTopic.PROFILE_CHANGED);
        assertThat(UserTopic.userIdOf(admin(OperationType.UPDATE, ResourceType.USER, "users/" + USER))).contains(USER);
    }

    @Test
    void adminChangesBelowTheUserOrToOtherResourcesAreNot() {
        assertThat(UserTopic.of(admin(OperationType.CREATE, ResourceType.REALM_ROLE_MAPPING, "users/" + USER + "/role-mappings/realm"))).isEmpty();
        assertThat(UserTopic.of(admin(OperationType.ACTION, ResourceType.USER, "users/" + USER + "/reset-password"))).isEmpty();
        assertThat(UserTopic.of(admin(OperationType.UPDATE, ResourceType.USER, "users/" + USER + "/reset-password"))).isEmpty();
        assertThat(UserTopic.of(admin(OperationType.DELETE, ResourceType.USER, "users/" + USER))).isEmpty();
        assertThat(UserTopic.of(admin(OperationType.CREATE, ResourceType.CLIENT, "clients/" + USER))).isEmpty();
        for (OperationType operation : EnumSet.allOf(OperationType.class)) {
            assertThat(UserTopic.of(admin(operation, ResourceType.GROUP_MEMBERSHIP, "users/" + USER + "/groups/g"))).isEqualTo(Optional.empty());
        }
    }

    private static Event event(EventType type) {
        Event event = new Event();
        event.setType(type);
        event.setUserId(USER);
        event.setRealmId("stay");
        event.setTime(1_795_000_000_000L);
        return event;
    }

    private static AdminEvent admin(OperationType operation, ResourceType type, String path) {
        AdminEvent event = new AdminEvent();
        event.setOperationType(operation);
        event.setResourceType(type);
        event.setResourcePath(path);
        event.setRealmId("stay");
        return event;
    }
}
