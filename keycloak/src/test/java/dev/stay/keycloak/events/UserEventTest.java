package dev.stay.keycloak.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.keycloak.models.UserModel;

import java.lang.reflect.Proxy;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UserEventTest {

    private static final long TIME = 1_795_000_000_123L;

    @Test
    void aRegisteredUserBecomesTheDocumentedPayload() throws Exception {
        UserModel ana = user(Map.of("id", "cb653597-75e1-36e9-a3ed-3aba1a04c76f", "username", "owner@stay.example",
                "email", "owner@stay.example", "firstName", "Ana", "lastName", "Sousa", "locale", "pt-PT"));

        String json = UserEvent.of("6f1c2a0e-2d1b-4c55-9d0e-6a4f3b7c1e21", TIME, ana).toJson();

        assertThat(new ObjectMapper().readTree(json)).isEqualTo(new ObjectMapper().readTree("""
                {"eventId": "6f1c2a0e-2d1b-4c55-9d0e-6a4f3b7c1e21",
                 "userId": "cb653597-75e1-36e9-a3ed-3aba1a04c76f",
                 "email": "owner@stay.example",
                 "displayName": "Ana Sousa",
                 "locale": "pt-PT",
                 "occurredAt": "2026-11-18T11:06:40.123Z"}
                """));
    }

    @Test
    void aUserWithoutLocaleHasAnExplicitNullLocale() throws Exception {
        UserModel guest = user(Map.of("id", "436deb4d-fa95-3a12-9fc1-eaaad0a6cb2a", "username", "guest@stay.example",
                "email", "guest@stay.example", "firstName", "Lea", "lastName", "Martin"));

        JsonNode json = new ObjectMapper().readTree(UserEvent.of("e-1", TIME, guest).toJson());

        assertThat(json.has("locale")).isTrue();
        assertThat(json.get("locale").isNull()).isTrue();
        assertThat(json.size()).isEqualTo(6);
    }

    @Test
    void theDisplayNameIsFirstAndLastNameOrElseTheUsername() {
        assertThat(UserEvent.displayName("Ana", "Sousa", "owner@stay.example")).isEqualTo("Ana Sousa");
        assertThat(UserEvent.displayName(" Ana ", null, "owner@stay.example")).isEqualTo("Ana");
        assertThat(UserEvent.displayName(null, "Sousa", "owner@stay.example")).isEqualTo("Sousa");
        assertThat(UserEvent.displayName(null, null, "owner@stay.example")).isEqualTo("owner@stay.example");
        assertThat(UserEvent.displayName("  ", "", "owner@stay.example")).isEqualTo("owner@stay.example");
    }

    @Test
    void theEventIdIsKeycloaksAndOtherwiseTheSameForTheSameEvent() {
        assertThat(UserEvent.eventId("kc-id", "REGISTER", "u-1", TIME)).isEqualTo("kc-id");

        String derived = UserEvent.eventId(null, "REGISTER", "u-1", TIME);
        assertThat(derived).isEqualTo(UserEvent.eventId("", "REGISTER", "u-1", TIME));
        assertThat(derived).isNotEqualTo(UserEvent.eventId(null, "REGISTER", "u-1", TIME + 1))
                .isNotEqualTo(UserEvent.eventId(null, "UPDATE_PROFILE", "u-1", TIME))
                .isNotEqualTo(UserEvent.eventId(null, "REGISTER", "u-2", TIME));
    }

    @Test
    void textIsEscapedNotConcatenated() throws Exception {
        UserModel tricky = user(Map.of("id", "u-1", "username", "x@stay.example", "email", "x@stay.example",
                "firstName", "Zoë \"Zee\"", "lastName", "O'Brien\\"));

        JsonNode json = new ObjectMapper().readTree(UserEvent.of("e-1", TIME, tricky).toJson());

        assertThat(json.get("displayName").asText()).isEqualTo("Zoë \"Zee\" O'Brien\\");
    }

    /** A user as Keycloak's model shows it: only the getters the mapping reads answer. */
    private static UserModel user(Map<String, String> fields) {
        return (UserModel) Proxy.newProxyInstance(UserModel.class.getClassLoader(), new Class<?>[] {UserModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getId" -> fields.get("id");
                    case "getUsername" -> fields.get("username");
                    case "getEmail" -> fields.get("email");
                    case "getFirstName" -> fields.get("firstName");
                    case "getLastName" -> fields.get("lastName");
                    case "getFirstAttribute" -> UserModel.LOCALE.equals(args[0]) ? fields.get("locale") : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
