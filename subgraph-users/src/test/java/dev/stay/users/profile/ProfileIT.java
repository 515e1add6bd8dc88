package dev.stay.users.profile;

import static dev.stay.users.db.Tables.USER_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebGraphQlTester;

@SubgraphTest
class ProfileIT {

    static final String UPDATE = """
            mutation ($input: UpdateProfileInput!) {
              updateProfile(input: $input) {
                user { displayName phone locale notificationPreferences { email sms } }
                errors { field code message }
              }
            }""";

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void meIsNullForNobody() {
        graphQl.document("{ me { id } }").execute().path("me").valueIsNull();
    }

    @Test
    void theFirstCallWithATokenCreatesTheProfileFromIt() {
        UUID id = UUID.randomUUID();
        SignedIn.as(id, "guest");

        var me = graphQl.document("{ me { id displayName email roles } }").execute();

        me.path("me.id").entity(String.class).isEqualTo(id.toString());
        me.path("me.email").entity(String.class).isEqualTo("user-" + id + "@stay.example");
        me.path("me.roles").entityList(String.class).containsExactly("GUEST");
        assertThat(db.fetchCount(USER_PROFILE, USER_PROFILE.ID.eq(id))).isEqualTo(1);
    }

    @Test
    void aTokenWithAnEmailLongerThanAnyMailboxStillGetsAProfileWithoutTheEmail() {
        UUID id = UUID.randomUUID();
        SignedIn.asWithEmail(id, "a".repeat(250) + "@stay.example", "guest");

        var me = graphQl.document("{ me { id displayName email } }").execute();

        me.errors().verify();
        me.path("me.id").entity(String.class).isEqualTo(id.toString());
        me.path("me.email").valueIsNull();
        assertThat(db.fetchOne(USER_PROFILE, USER_PROFILE.ID.eq(id)).getEmail()).isNull();
    }

    @Test
    void aValidUpdateChangesTheProfile() {
        SignedIn.as(UUID.randomUUID(), "guest");

        var result = graphQl.document(UPDATE).variable("input", Map.of(
                        "displayName", "  Rita Lopes ", "phone", "+351 912 345 678", "locale", "pt-PT",
                        "notificationPreferences", Map.of("email", false, "sms", true)))
                .execute();

        result.path("updateProfile.errors").entityList(Object.class).hasSize(0);
        result.path("updateProfile.user.displayName").entity(String.class).isEqualTo("Rita Lopes");
        result.path("updateProfile.user.phone").entity(String.class).isEqualTo("+351912345678");
        result.path("updateProfile.user.locale").entity(String.class).isEqualTo("pt-PT");
        result.path("updateProfile.user.notificationPreferences.sms").entity(Boolean.class).isEqualTo(true);
    }

    @ParameterizedTest(name = "{0} = \"{1}\" is refused with {2}")
    @CsvSource({
            "displayName, '   ',          INVALID_DISPLAY_NAME",
            "phone,       0912345678,     INVALID_PHONE",
            "phone,       +0123,          INVALID_PHONE",
            "locale,      xx-YY,          UNSUPPORTED_LOCALE"})
    void invalidInputIsRefusedWithACodeAndChangesNothing(String field, String value, String code) {
        UUID id = UUID.randomUUID();
        SignedIn.as(id, "guest");
        graphQl.document("{ me { id } }").execute();
        var before = db.fetchOne(USER_PROFILE, USER_PROFILE.ID.eq(id));

        Map<String, Object> input = new HashMap<>(Map.of("displayName", "A Fine Name"));
        input.put(field, value);

        var result = graphQl.document(UPDATE).variable("input", input).execute();

        result.path("updateProfile.user").valueIsNull();
        result.path("updateProfile.errors[0].code").entity(String.class).isEqualTo(code);
        result.path("updateProfile.errors[0].field").entity(String.class).isEqualTo(field);
        assertThat(db.fetchOne(USER_PROFILE, USER_PROFILE.ID.eq(id))).isEqualTo(before);
    }

    @Test
    void smsNeedsAPhone() {
        SignedIn.as(UUID.randomUUID(), "guest");

        graphQl.document(UPDATE).variable("input", Map.of("notificationPreferences", Map.of("email", true, "sms", true)))
                .execute()
                .path("updateProfile.errors[0].code").entity(String.class).isEqualTo("SMS_NEEDS_PHONE");
    }

    @Test
    void updatingWithoutATokenIsRefusedWithACode() {
        graphQl.document(UPDATE).variable("input", Map.of("displayName", "Nobody")).execute()
                .path("updateProfile.errors[0].code").entity(String.class).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void nobodyReadsAnotherUsersPrivateDetailsThroughEntities() {
        UUID other = UUID.randomUUID();
        SignedIn.as(other, "guest");
        graphQl.document("{ me { id } }").execute();
        SignedIn.as(UUID.randomUUID(), "guest", "owner");

        var response = graphQl.document("""
                        query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { displayName email phone } } }""")
                .variable("r", List.of(Map.of("__typename", "User", "id", other.toString())))
                .execute();

        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(2).allSatisfy(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN"));
        });
        response.path("_entities[0].displayName").hasValue();
        response.path("_entities[0].email").valueIsNull();
    }

    @Test
    void anAdminReadsPrivateDetailsAndAUserTheirOwn() {
        UUID user = UUID.randomUUID();
        SignedIn.as(user, "guest");
        String query = "query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { email } } }";
        var representation = List.of(Map.of("__typename", "User", "id", user.toString()));

        graphQl.document(query).variable("r", representation).execute()
                .path("_entities[0].email").entity(String.class).isEqualTo("user-" + user + "@stay.example");
        SignedIn.as(UUID.randomUUID(), "guest", "admin");
        graphQl.document(query).variable("r", representation).execute()
                .path("_entities[0].email").entity(String.class).isEqualTo("user-" + user + "@stay.example");
        SignedIn.nobody();
        graphQl.document(query).variable("r", representation).execute()
                .errors().satisfy(errors -> assertThat(errors.getFirst().getExtensions())
                        .containsEntry("code", "UNAUTHENTICATED"));
    }
}
