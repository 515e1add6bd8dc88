package dev.stay.catalog.restaurant;

import static dev.stay.catalog.db.Tables.RESTAURANT;
import static dev.stay.catalog.db.Tables.RESTAURANT_CLOSED_DATE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.catalog.db.enums.PropertyStatus;
import dev.stay.catalog.db.tables.records.RestaurantClosedDateRecord;
import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
import dev.stay.common.test.SubgraphTestSupport.StatementCounter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

@SubgraphTest
class RestaurantQueriesIT {

    static final String PAGE = """
            query ($id: ID!) { restaurant(id: $id) { id name description cuisines priceRange
              address { street city region country postalCode } location { lat lon } timeZone currency
              photos { url caption } openingHours { weekday opens closes } closedDates slotMinutes
              seatingDurations { upToPartySize minutes } depositPerGuest { amount currency } depositRefundableHours
              tables { id label minParty maxParty area } owner { id } status version } }""";
    static final String ENTITIES = """
            query ($representations: [_Any!]!) { _entities(representations: $representations) {
              ... on Restaurant { id name status tables { label } openingHours { weekday } } } }""";

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired StatementCounter statements;
    RestaurantFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new RestaurantFixtures(db);
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void aPublishedRestaurantShowsEverythingItIsToAnyone() {
        var restaurant = fixtures.aPublishedRestaurantInLisbon();

        var page = graphQl.document(PAGE).variable("id", restaurant.id().toString()).execute();

        page.path("restaurant.name").entity(String.class).isEqualTo("Tasca do Rio");
        page.path("restaurant.cuisines").entityList(String.class).containsExactly("PORTUGUESE", "SEAFOOD");
        page.path("restaurant.priceRange").entity(Integer.class).isEqualTo(2);
        page.path("restaurant.address.postalCode").entity(String.class).isEqualTo("1100-060");
        page.path("restaurant.location.lon").entity(Double.class).isEqualTo(-9.1371);
        page.path("restaurant.photos[0].caption").entity(String.class).isEqualTo("Front");
        page.path("restaurant.openingHours[*].weekday").entityList(String.class)
                .containsExactly("TUESDAY", "TUESDAY", "SATURDAY");
        page.path("restaurant.openingHours[*].opens").entityList(String.class).containsExactly("12:00", "19:00", "19:00");
        page.path("restaurant.openingHours[2].closes").entity(String.class).isEqualTo("01:00");
        // yesterday's closed day is history: not shown
        page.path("restaurant.closedDates").entityList(String.class).containsExactly(
                        LocalDate.now(ZoneId.of("Europe/Lisbon")).plusDays(7).toString());
        page.path("restaurant.slotMinutes").entity(Integer.class).isEqualTo(15);
        page.path("restaurant.seatingDurations[*].minutes").entityList(Integer.class).containsExactly(90, 150);
        page.path("restaurant.depositPerGuest").entity(Map.class)
                .isEqualTo(Map.of("amount", "10.00", "currency", "EUR"));
        page.path("restaurant.depositRefundableHours").entity(Integer.class).isEqualTo(24);
        // on sale only (T9 was removed), by label
        page.path("restaurant.tables[*].label").entityList(String.class).containsExactly("T1", "T2");
        page.path("restaurant.tables[0].area").entity(String.class).isEqualTo("TERRACE");
        page.path("restaurant.tables[0].maxParty").entity(Integer.class).isEqualTo(6);
        page.path("restaurant.owner.id").entity(String.class).isEqualTo(restaurant.ownerId().toString());
        page.path("restaurant.status").entity(String.class).isEqualTo("PUBLISHED");
        page.path("restaurant.version").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void closedDatesStartFromTodayWhereTheRestaurantIsNotWhereTheServerIs() {
        var restaurant = fixtures.aPublishedRestaurantInLisbon();
        ZoneId kiritimati = ZoneId.of("Pacific/Kiritimati"); // UTC+14: often a day ahead of UTC
        LocalDate today = LocalDate.now(kiritimati);
        db.deleteFrom(RESTAURANT_CLOSED_DATE).where(RESTAURANT_CLOSED_DATE.RESTAURANT_ID.eq(restaurant.id())).execute();
        db.update(RESTAURANT).set(RESTAURANT.TIME_ZONE, kiritimati.getId()).where(RESTAURANT.ID.eq(restaurant.id()))
                .execute();
        db.batchInsert(new RestaurantClosedDateRecord(restaurant.id(), today.minusDays(1)),
                new RestaurantClosedDateRecord(restaurant.id(), today),
                new RestaurantClosedDateRecord(restaurant.id(), today.plusDays(1))).execute();

        graphQl.document(PAGE).variable("id", restaurant.id().toString()).execute()
                .path("restaurant.closedDates").entityList(String.class)
                .containsExactly(today.toString(), today.plusDays(1).toString());
    }

    @Test
    void aDraftIsSeenByItsOwnerAndAdminsOnlyThroughTheQueryAndThroughEntities() {
        UUID owner = UUID.randomUUID();
        var draft = fixtures.aDraftRestaurant(owner);
        String id = draft.id().toString();

        SignedIn.nobody();
        assertHidden(id);
        SignedIn.as(UUID.randomUUID(), "guest");
        assertHidden(id);
        SignedIn.as(UUID.randomUUID(), "guest", "owner");
        assertHidden(id);

        SignedIn.as(owner, "guest", "owner");
        assertShown(id);
        SignedIn.as(UUID.randomUUID(), "admin");
        assertShown(id);
    }

    @Test
    void aSuspendedRestaurantIsHiddenFromThePublicToo() {
        var suspended = fixtures.aRestaurant(UUID.randomUUID(), PropertyStatus.SUSPENDED);
        assertHidden(suspended.id().toString());
        SignedIn.as(suspended.ownerId(), "owner");
        assertShown(suspended.id().toString());
    }

    @Test
    void entitiesAnswerFiftyRestaurantsInOneStatementInRequestOrder() {
        List<Map<String, Object>> representations = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String id = fixtures.aPublishedRestaurantInLisbon().id().toString();
            representations.add(restaurant(id));
            expected.add(id);
        }
        representations.add(7, restaurant(UUID.randomUUID().toString()));
        representations.add(restaurant("not-an-id"));
        statements.reset();

        var response = graphQl.document(ENTITIES).variable("representations", representations).execute();

        assertThat(statements.reset()).as("statements for a batch of fifty restaurants").isEqualTo(1);
        response.path("_entities[7]").valueIsNull();
        response.path("_entities[51]").valueIsNull();
        List<String> ids = new ArrayList<>(response.path("_entities[*].id").entityList(String.class).get());
        assertThat(ids).containsExactlyElementsOf(expected);
        response.path("_entities[0].tables[*].label").entityList(String.class).containsExactly("T1", "T2");
    }

    @Test
    void aMalformedIdIsRefusedWithACodeAndNoStatement() {
        statements.reset();
        graphQl.document(PAGE).variable("id", "../../etc/passwd").execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getExtensions()).containsEntry("code", "BAD_USER_INPUT")
                    .containsEntry("reason", "INVALID_ID").containsEntry("field", "id");
        });
        assertThat(statements.reset()).isZero();
        graphQl.document(PAGE).variable("id", UUID.randomUUID().toString()).execute().path("restaurant").valueIsNull();
    }

    private void assertHidden(String id) {
        graphQl.document(PAGE).variable("id", id).execute().path("restaurant").valueIsNull();
        entities(id).path("_entities[0]").valueIsNull();
    }

    private void assertShown(String id) {
        graphQl.document(PAGE).variable("id", id).execute().path("restaurant.id").entity(String.class).isEqualTo(id);
        entities(id).path("_entities[0].id").entity(String.class).isEqualTo(id);
    }

    private GraphQlTester.Response entities(String id) {
        return graphQl.document(ENTITIES).variable("representations", List.of(restaurant(id))).execute();
    }

    private static Map<String, Object> restaurant(String id) {
        return Map.of("__typename", "Restaurant", "id", id);
    }
}
