package dev.stay.catalog.search;

import static dev.stay.catalog.db.Tables.AVAILABILITY_ROOM_TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.catalog.db.enums.Amenity;
import dev.stay.catalog.search.SearchFixtures.Spec;
import dev.stay.common.test.SubgraphTest;
import dev.stay.devstack.engines.Engines;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

/**
 * Dated searches against the real OpenSearch and the availability projection fed by booking's events through the real
 * broker: only what can be booked, each with its lowest total, priced and sorted by it.
 */
@SubgraphTest
class DatedSearchIT {

    static final String PAGE = """
            query ($input: HotelSearchInput!) { searchHotels(input: $input) {
              totalCount edges { node { id } lowestTotal { amount currency } }
              facets { priceHistogram { from count } } } }""";

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired PropertyIndexer indexer;
    SearchFixtures fixtures;
    String city;
    LocalDate checkIn = LocalDate.now().plusDays(40);
    LocalDate checkOut = checkIn.plusDays(2);

    @BeforeEach
    void setUp() {
        fixtures = new SearchFixtures(db, indexer);
        city = SearchFixtures.aCity();
    }

    @Test
    void aHotelLeavesDatedResultsWhenItsLastRoomIsTakenAndComesBackWhenItIsGivenBack() {
        UUID hotel = fixtures.aHotel(new Spec("Last Room", city, 3, null, 0, 0.3, 6.7, Amenity.WIFI));
        UUID room = aRoomType(hotel, "100.00", 1);
        fixtures.indexed(List.of(hotel));
        assertThat(dated(Map.of()).path("searchHotels.edges[0].lowestTotal.amount").entity(String.class).get())
                .isEqualTo("200.00"); // two nights at the base price; this page is cached now

        publish(hotel, roomsChanged(hotel, room, 1, 2));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ids(dated(Map.of()))).isEmpty());
        assertThat(ids(undated())).as("still in the undated results").containsExactly(hotel);

        publish(hotel, roomsChanged(hotel, room, 0, 3));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ids(dated(Map.of()))).containsExactly(hotel));
    }

    @Test
    void priceFiltersAndSortsByTheLowestTotalPerNight() {
        UUID dear = fixtures.aHotel(new Spec("Dear", city, 5, null, 0, 0.3, 6.7));
        aRoomType(dear, "150.00", 3);
        UUID cheap = fixtures.aHotel(new Spec("Cheap", city, 3, null, 0, 0.3, 6.7));
        aRoomType(cheap, "90.00", 3);
        UUID unpriced = fixtures.aHotel(new Spec("Unpriced", city, 3, null, 0, 0.3, 6.7));
        fixtures.indexed(List.of(dear, cheap, unpriced));

        GraphQlTester.Response byPrice = dated(Map.of("sort", "PRICE"));
        assertThat(ids(byPrice)).containsExactly(cheap, dear);
        assertThat(byPrice.path("searchHotels.edges[*].lowestTotal.amount").entityList(String.class).get())
                .containsExactly("180.00", "300.00");
        assertThat(byPrice.path("searchHotels.facets.priceHistogram[*].from").entityList(Double.class).get())
                .containsExactly(50.0, 150.0);

        assertThat(ids(dated(Map.of("maxPrice", 120.0)))).containsExactly(cheap);
        assertThat(ids(dated(Map.of("minPrice", 120.0)))).containsExactly(dear);
        assertThat(ids(undatedWith(Map.of("sort", "PRICE")))).as("undated: the lowest base price, unpriced last")
                .containsExactly(cheap, dear, unpriced);
    }

    private UUID aRoomType(UUID hotel, String basePrice, int rooms) {
        UUID id = UUID.randomUUID();
        db.insertInto(AVAILABILITY_ROOM_TYPE).set(AVAILABILITY_ROOM_TYPE.UNIT_TYPE_ID, id)
                .set(AVAILABILITY_ROOM_TYPE.PROPERTY_ID, hotel).set(AVAILABILITY_ROOM_TYPE.MAX_GUESTS, 2)
                .set(AVAILABILITY_ROOM_TYPE.DEFAULT_UNITS, rooms)
                .set(AVAILABILITY_ROOM_TYPE.BASE_PRICE, new BigDecimal(basePrice))
                .set(AVAILABILITY_ROOM_TYPE.MIN_STAY, 1).set(AVAILABILITY_ROOM_TYPE.ACTIVE, true)
                .set(AVAILABILITY_ROOM_TYPE.VERSION, 1L).execute();
        return id;
    }

    /** booking's {@code rooms-changed}: both nights of the stay with {@code taken} rooms taken, at this version. */
    private String roomsChanged(UUID hotel, UUID room, int taken, long version) {
        String nights = checkIn.datesUntil(checkOut).map(night -> """
                {"night":"%s","rooms":null,"taken":%d,"price":null,"closed":false,"minStay":null,"maxStay":null,\
                "closedToArrival":false,"closedToDeparture":false,"version":%d}""".formatted(night, taken, version))
                .reduce((a, b) -> a + "," + b).orElseThrow();
        return """
                {"eventId":"%s","type":"rooms-changed","occurredAt":"%s","data":{"propertyId":"%s","roomTypeId":"%s",\
                "currency":"EUR","nights":[],"sale":[%s],"occurredAt":"%s"}}""".formatted(UUID.randomUUID(),
                Instant.now(), hotel, room, nights, Instant.now());
    }

    private static void publish(UUID hotel, String value) {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Engines.shared().kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>("booking.inventory", hotel.toString(), value));
        }
    }

    private GraphQlTester.Response dated(Map<String, Object> more) {
        Map<String, Object> input = new java.util.HashMap<>(more);
        input.putAll(Map.of("city", city, "checkIn", checkIn.toString(), "checkOut", checkOut.toString(), "guests", 2));
        return graphQl.document(PAGE).variable("input", input).execute();
    }

    private GraphQlTester.Response undated() {
        return undatedWith(Map.of());
    }

    private GraphQlTester.Response undatedWith(Map<String, Object> more) {
        Map<String, Object> input = new java.util.HashMap<>(more);
        input.put("city", city);
        return graphQl.document(PAGE).variable("input", input).execute();
    }

    private static List<UUID> ids(GraphQlTester.Response response) {
        return response.path("searchHotels.edges[*].node.id").entityList(String.class).get().stream()
                .map(UUID::fromString).toList();
    }
}
