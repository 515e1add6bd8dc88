package dev.stay.catalog.property;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.client.codegen.EntitiesGraphQLQuery;
import com.netflix.graphql.dgs.client.codegen.GraphQLQueryRequest;
import dev.stay.common.test.SubgraphTest;
import dev.stay.common.test.SubgraphTestSupport.StatementCounter;
import dev.stay.codegen.catalog.client.EntitiesProjectionRoot;
import dev.stay.codegen.catalog.client.HotelGraphQLQuery;
import dev.stay.codegen.catalog.client.HotelProjectionRoot;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebGraphQlTester;

@SubgraphTest
class HotelQueriesIT {

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired StatementCounter statements;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(db);
    }

    @Test
    void aPublishedHotelShowsItsAddressPhotosAndRoomTypesInTheOwnersOrder() {
        Fixtures.AHotel hotel = fixtures.aPublishedHotelInLisbon();
        String query = new GraphQLQueryRequest(
                HotelGraphQLQuery.newRequest().id(hotel.id().toString()).build(),
                new HotelProjectionRoot<>().id().name().stars().timeZone().currency().amenities().parent()
                        .address().city().country().parent()
                        .location().lat().lon().parent()
                        .photos().url().caption().parent()
                        .roomTypes().id().name().maxAdults().beds().sizeSqm().parent()
                        .owner().id().parent())
                .serialize();

        var response = graphQl.document(query).execute();

        response.path("hotel.name").entity(String.class).isEqualTo("Casa do Rio");
        response.path("hotel.stars").entity(Integer.class).isEqualTo(4);
        response.path("hotel.address.country").entity(String.class).isEqualTo("PT");
        response.path("hotel.location.lat").entity(Double.class).isEqualTo(38.7101);
        response.path("hotel.amenities").entityList(String.class).containsExactly("WIFI", "BREAKFAST");
        response.path("hotel.photos[*].url").entityList(String.class)
                .containsExactly("https://img.stay.example/1.jpg", "https://img.stay.example/2.jpg");
        response.path("hotel.roomTypes[*].name").entityList(String.class).containsExactly("Suite", "Double");
        response.path("hotel.roomTypes[1].sizeSqm").entity(Integer.class).isEqualTo(18);
        response.path("hotel.owner.id").entity(String.class).isEqualTo(hotel.ownerId().toString());
    }

    @Test
    void aDraftHotelIsNotShownToThePublic() {
        Fixtures.AHotel draft = fixtures.aDraftHotel();

        graphQl.document("{ hotel(id: \"" + draft.id() + "\") { id } }").execute()
                .path("hotel").valueIsNull();
    }

    @Test
    void aMalformedIdIsRefusedWithACode() {
        int before = statements.reset();
        graphQl.document("{ hotel(id: \"not-a-uuid\") { id } }").execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.getFirst().getExtensions())
                            .containsEntry("code", "BAD_USER_INPUT")
                            .containsEntry("reason", "INVALID_ID")
                            .containsEntry("field", "id");
                });
        assertThat(statements.reset()).as("no statement runs for a malformed id").isZero();
    }

    @Test
    void entitiesAnswerAWholeBatchInOneQueryInRequestOrder() {
        Fixtures.AHotel first = fixtures.aPublishedHotelInLisbon();
        Fixtures.AHotel second = fixtures.aPublishedHotelInLisbon();
        Fixtures.AHotel draft = fixtures.aDraftHotel();
        EntitiesGraphQLQuery query = new EntitiesGraphQLQuery(List.of(
                hotel(second.id()), hotel(UUID.randomUUID()), hotel(first.id()), hotel(draft.id())));
        String document = new GraphQLQueryRequest(query,
                new EntitiesProjectionRoot<>().onHotel().id().roomTypes().id()).serialize();
        statements.reset();

        var response = graphQl.document(document).variables(query.getVariables()).execute();

        response.path("_entities[0].id").entity(String.class).isEqualTo(second.id().toString());
        response.path("_entities[1]").valueIsNull();
        response.path("_entities[2].id").entity(String.class).isEqualTo(first.id().toString());
        response.path("_entities[2].roomTypes").entityList(Object.class).hasSize(2);
        response.path("_entities[3]").valueIsNull();
        assertThat(statements.reset()).as("statements for a batch of four hotels").isEqualTo(1);
    }

    @Test
    void roomTypeEntitiesResolveInOneQuery() {
        Fixtures.AHotel hotel = fixtures.aPublishedHotelInLisbon();
        EntitiesGraphQLQuery query = new EntitiesGraphQLQuery(List.of(
                roomType(hotel.doubleRoom()), roomType(hotel.suite())));
        String document = new GraphQLQueryRequest(query,
                new EntitiesProjectionRoot<>().onRoomType().name().beds()).serialize();
        statements.reset();

        var response = graphQl.document(document).variables(query.getVariables()).execute();

        response.path("_entities[*].name").entityList(String.class).containsExactly("Double", "Suite");
        assertThat(statements.reset()).isEqualTo(1);
    }

    /**
     * Booking may offer (or have sold) a room type the owner has just removed: the router then asks for it here, and
     * a null would null the offer's non-null roomType, the hotel's whole availability and the hotel with it.
     */
    @Test
    void aRemovedRoomTypeStillResolvesAsAnEntityButLeavesTheHotelPage() {
        Fixtures.AHotel hotel = fixtures.aPublishedHotelInLisbon();
        db.update(dev.stay.catalog.db.Tables.UNIT_TYPE).set(dev.stay.catalog.db.Tables.UNIT_TYPE.REMOVED, true)
                .where(dev.stay.catalog.db.Tables.UNIT_TYPE.ID.eq(hotel.suite())).execute();
        EntitiesGraphQLQuery query = new EntitiesGraphQLQuery(List.of(roomType(hotel.suite())));
        String document = new GraphQLQueryRequest(query,
                new EntitiesProjectionRoot<>().onRoomType().name().beds()).serialize();

        var response = graphQl.document(document).variables(query.getVariables()).execute();

        response.errors().verify();
        response.path("_entities[0].name").entity(String.class).isEqualTo("Suite");
        graphQl.document(new GraphQLQueryRequest(HotelGraphQLQuery.newRequest().id(hotel.id().toString()).build(),
                        new HotelProjectionRoot<>().roomTypes().name()).serialize())
                .execute()
                .path("hotel.roomTypes[*].name").entityList(String.class).doesNotContain("Suite");
    }

    /** Representations as the router sends them (JSON objects), not codegen's classes. */
    private static Map<String, Object> hotel(UUID id) {
        return Map.of("__typename", "Hotel", "id", id.toString());
    }

    private static Map<String, Object> roomType(UUID id) {
        return Map.of("__typename", "RoomType", "id", id.toString());
    }
}
