package dev.stay.catalog.restaurant;

import static dev.stay.catalog.db.Tables.OUTBOX;
import static dev.stay.catalog.db.Tables.RESTAURANT;
import static dev.stay.catalog.restaurant.Owners.CREATE;
import static dev.stay.catalog.restaurant.Owners.aRestaurant;
import static dev.stay.catalog.restaurant.Owners.aTable;
import static dev.stay.catalog.restaurant.Owners.period;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebGraphQlTester;

/**
 * Every rule of a restaurant's input, on creation and on edit: refused with the field and the code the schema names,
 * and nothing changed (no row, no event).
 */
@SubgraphTest
class RestaurantValidationIT {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Lisbon"));

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    Owners owners;
    UUID owner = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        owners = new Owners(graphQl, db);
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                Arguments.of("name", "", "name", "REQUIRED"),
                Arguments.of("name", "x".repeat(201), "name", "TOO_LONG"),
                Arguments.of("name", "Tasca\u0000Azul", "name", "INVALID_CHARACTERS"),
                Arguments.of("name", "Tasca \u001B[31mAzul", "name", "INVALID_CHARACTERS"),
                Arguments.of("description", "x".repeat(5001), "description", "TOO_LONG"),
                Arguments.of("description", "Fish\u0007", "description", "INVALID_CHARACTERS"),
                Arguments.of("cuisines", List.of(), "cuisines", "OUT_OF_RANGE"),
                Arguments.of("cuisines", List.of("THAI", "SUSHI", "VEGAN", "PIZZA", "GREEK", "FRENCH"), "cuisines",
                        "OUT_OF_RANGE"),
                Arguments.of("cuisines", List.of("THAI", "SUSHI", "THAI"), "cuisines[2]", "DUPLICATE"),
                Arguments.of("priceRange", 0, "priceRange", "OUT_OF_RANGE"),
                Arguments.of("priceRange", 5, "priceRange", "OUT_OF_RANGE"),
                Arguments.of("priceRange", Integer.MIN_VALUE, "priceRange", "OUT_OF_RANGE"),
                Arguments.of("address", Map.of("street", "Rua 1", "city", "Porto", "country", "pt"), "address.country",
                        "INVALID_COUNTRY"),
                Arguments.of("address", Map.of("street", "Rua\u0000", "city", "Porto", "country", "PT"),
                        "address.street", "INVALID_CHARACTERS"),
                Arguments.of("address", Map.of("street", "Rua 1", "city", "x".repeat(101), "country", "PT"),
                        "address.city", "TOO_LONG"),
                Arguments.of("location", Map.of("lat", 91.0, "lon", 0.0), "location.lat", "OUT_OF_RANGE"),
                Arguments.of("location", Map.of("lat", 0.0, "lon", -180.5), "location.lon", "OUT_OF_RANGE"),
                Arguments.of("timeZone", "Europe/Atlantis", "timeZone", "INVALID_TIME_ZONE"),
                Arguments.of("currency", "XAU", "currency", "INVALID_CURRENCY"),
                Arguments.of("currency", "eur", "currency", "INVALID_CURRENCY"),
                Arguments.of("slotMinutes", 7, "slotMinutes", "OUT_OF_RANGE"),
                Arguments.of("slotMinutes", 0, "slotMinutes", "OUT_OF_RANGE"),
                Arguments.of("depositRefundableHours", 721, "depositRefundableHours", "OUT_OF_RANGE"),
                Arguments.of("depositRefundableHours", -1, "depositRefundableHours", "OUT_OF_RANGE"),
                Arguments.of("depositPerGuest", "10.001", "depositPerGuest", "INVALID_FORMAT"),
                Arguments.of("depositPerGuest", "1e3", "depositPerGuest", "INVALID_FORMAT"),
                Arguments.of("depositPerGuest", "ten", "depositPerGuest", "INVALID_FORMAT"),
                Arguments.of("depositPerGuest", " 10", "depositPerGuest", "INVALID_FORMAT"),
                Arguments.of("depositPerGuest", "9".repeat(400), "depositPerGuest", "INVALID_FORMAT"),
                Arguments.of("depositPerGuest", "10000.01", "depositPerGuest", "OUT_OF_RANGE"),
                Arguments.of("depositPerGuest", "-1", "depositPerGuest", "OUT_OF_RANGE"),
                Arguments.of("openingHours", List.of(period("MONDAY", "7pm", "23:00")), "openingHours[0].opens",
                        "INVALID_FORMAT"),
                Arguments.of("openingHours", List.of(period("MONDAY", "19:00", "24:00")), "openingHours[0].closes",
                        "INVALID_FORMAT"),
                Arguments.of("openingHours", List.of(period("MONDAY", "19:03", "23:00")), "openingHours[0].opens",
                        "INVALID_FORMAT"),
                Arguments.of("openingHours", List.of(period("MONDAY", "19:00", "19:10")), "openingHours[0]",
                        "OUT_OF_RANGE"),
                Arguments.of("openingHours", List.of(period("MONDAY", "12:00", "15:00"), period("MONDAY", "14:30", "16:00")),
                        "openingHours[1]", "OVERLAPPING_PERIODS"),
                Arguments.of("openingHours", List.of(period("TUESDAY", "01:00", "03:00"), period("MONDAY", "20:00", "02:00")),
                        "openingHours[1]", "OVERLAPPING_PERIODS"),
                Arguments.of("openingHours", List.of(period("MONDAY", "00:30", "12:00"), period("SUNDAY", "19:00", "01:00")),
                        "openingHours[1]", "OVERLAPPING_PERIODS"),
                Arguments.of("openingHours", List.of(period("FRIDAY", "08:00", "10:00"), period("FRIDAY", "11:00", "12:00"),
                        period("FRIDAY", "13:00", "14:00"), period("FRIDAY", "15:00", "16:00"),
                        period("FRIDAY", "17:00", "18:00")), "openingHours", "OUT_OF_RANGE"),
                Arguments.of("closedDates", List.of(TODAY.minusDays(1).toString()), "closedDates[0]", "OUT_OF_RANGE"),
                Arguments.of("closedDates", List.of(TODAY.plusYears(2).plusDays(1).toString()), "closedDates[0]",
                        "OUT_OF_RANGE"),
                Arguments.of("closedDates", List.of(TODAY.plusDays(3).toString(), TODAY.plusDays(3).toString()),
                        "closedDates[1]", "DUPLICATE"),
                Arguments.of("seatingDurations", List.of(), "seatingDurations", "OUT_OF_RANGE"),
                Arguments.of("seatingDurations", List.of(row(51, 90)), "seatingDurations[0].upToPartySize", "OUT_OF_RANGE"),
                Arguments.of("seatingDurations", List.of(row(0, 90)), "seatingDurations[0].upToPartySize", "OUT_OF_RANGE"),
                Arguments.of("seatingDurations", List.of(row(2, 14)), "seatingDurations[0].minutes", "OUT_OF_RANGE"),
                Arguments.of("seatingDurations", List.of(row(2, 481)), "seatingDurations[0].minutes", "OUT_OF_RANGE"),
                Arguments.of("seatingDurations", List.of(row(4, 90), row(4, 120)), "seatingDurations[1].upToPartySize",
                        "DUPLICATE"),
                Arguments.of("seatingDurations", List.of(row(6, 90), row(2, 120)), "seatingDurations[1].upToPartySize",
                        "INVALID_FORMAT"),
                Arguments.of("seatingDurations", Stream.iterate(1, i -> i + 1).limit(11).map(i -> row(i, 90)).toList(),
                        "seatingDurations", "OUT_OF_RANGE"));
    }

    @ParameterizedTest(name = "{0} = {1}: {3} on {2}")
    @MethodSource("brokenRules")
    void aBrokenRuleIsRefusedOnCreationNamingTheFieldAndCreatesNothing(String field, Object value, String at,
                                                                        String code) {
        SignedIn.as(owner, "owner");
        Map<String, Object> input = aRestaurant();
        input.put(field, value);
        int before = db.fetchCount(RESTAURANT);
        int events = db.fetchCount(OUTBOX, OUTBOX.TOPIC.eq("catalog.restaurant"));

        var result = graphQl.document(CREATE).variable("input", input).execute();

        result.path("createRestaurant.restaurant").valueIsNull();
        assertThat(result.path("createRestaurant.errors").entityList(Map.class).get())
                .anySatisfy(error -> assertThat(error).containsEntry("field", at).containsEntry("code", code));
        assertThat(db.fetchCount(RESTAURANT)).isEqualTo(before);
        assertThat(db.fetchCount(OUTBOX, OUTBOX.TOPIC.eq("catalog.restaurant"))).isEqualTo(events);
    }

    @ParameterizedTest(name = "{0} = {1}: {3} on {2}")
    @MethodSource("brokenRules")
    void theSameRuleIsRefusedOnEditAndChangesNothing(String field, Object value, String at, String code) {
        if (field.equals("name") && code.equals("REQUIRED")) value = "   ";
        String id = owners.created(owner);
        String before = owners.stored(id);

        var result = owners.update(id, 1, Map.of(field, value));

        result.path("updateRestaurant.restaurant").valueIsNull();
        assertThat(result.path("updateRestaurant.errors").entityList(Map.class).get())
                .anySatisfy(error -> assertThat(error).containsEntry("field", at).containsEntry("code", code));
        assertThat(owners.stored(id)).isEqualTo(before);
        assertThat(db.fetchCount(OUTBOX, OUTBOX.KEY.eq(id))).as("only the creation was published").isEqualTo(1);
    }

    @Test
    void everyBrokenRuleIsReportedAtOnceAndOneBadFieldSpoilsTheWholeEdit() {
        String id = owners.created(owner);
        String before = owners.stored(id);

        var result = owners.update(id, 1, Map.of("name", "A fine new name", "priceRange", 9, "slotMinutes", 45,
                "closedDates", List.of(TODAY.plusDays(1).toString()), "depositPerGuest", "abc"));

        assertThat(result.path("updateRestaurant.errors[*].field").entityList(String.class).get())
                .containsExactlyInAnyOrder("priceRange", "slotMinutes", "depositPerGuest");
        assertThat(owners.stored(id)).isEqualTo(before);
    }

    @Test
    void aDepositKeepsToItsCurrencysDecimals() {
        String id = owners.created(owner);
        owners.update(id, 1, Map.of("depositPerGuest", "12.50")).path("updateRestaurant.restaurant.version")
                .entity(Integer.class).isEqualTo(2);
        String before = owners.stored(id);
        owners.update(id, 2, Map.of("currency", "JPY")).path("updateRestaurant.errors[0].field").entity(String.class)
                .isEqualTo("currency");
        owners.update(id, 2, Map.of("currency", "JPY", "depositPerGuest", "1500.5"))
                .path("updateRestaurant.errors[0].code").entity(String.class).isEqualTo("INVALID_FORMAT");
        assertThat(owners.stored(id)).isEqualTo(before);

        owners.update(id, 2, Map.of("currency", "JPY", "depositPerGuest", "1500"))
                .path("updateRestaurant.restaurant.depositPerGuest").entity(Map.class)
                .isEqualTo(Map.of("amount", "1500", "currency", "JPY"));
        owners.update(id, 3, Map.of("currency", "KWD", "depositPerGuest", "2.125"))
                .path("updateRestaurant.restaurant.depositPerGuest.amount").entity(String.class).isEqualTo("2.125");
    }

    @Test
    void hugeListsAreRefusedAsAWholeWithoutAnErrorPerItem() {
        String id = owners.created(owner);
        String before = owners.stored(id);
        List<Map<String, Object>> periods = new ArrayList<>();
        String[] days = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"};
        for (int i = 0; i < 1000; i++) {
            periods.add(period(days[i % 7], String.format("%02d:00", i % 24), String.format("%02d:30", i % 24)));
        }
        List<String> dates = Stream.iterate(TODAY, d -> d.plusDays(1)).limit(1000).map(LocalDate::toString).toList();

        var result = owners.update(id, 1, Map.of("openingHours", periods, "closedDates", dates));

        assertThat(result.path("updateRestaurant.errors").entityList(Map.class).get())
                .extracting(e -> e.get("field") + " " + e.get("code"))
                .containsExactlyInAnyOrder("openingHours OUT_OF_RANGE", "closedDates OUT_OF_RANGE");
        assertThat(owners.stored(id)).isEqualTo(before);

        List<String> aYear = Stream.iterate(TODAY, d -> d.plusDays(1)).limit(366).map(LocalDate::toString).toList();
        owners.update(id, 1, Map.of("closedDates", aYear)).path("updateRestaurant.restaurant.closedDates")
                .entityList(String.class).hasSize(366);
    }

    @Test
    void aWeekOfTwentyEightPeriodsMeetingEndToEndIsAccepted() {
        String id = owners.created(owner);
        List<Map<String, Object>> periods = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            periods.add(period(day, "00:00", "06:00"));
            periods.add(period(day, "06:00", "12:00"));
            periods.add(period(day, "12:00", "18:00"));
            periods.add(period(day, "18:00", "00:00"));
        }
        owners.update(id, 1, Map.of("openingHours", periods)).path("updateRestaurant.restaurant.openingHours")
                .entityList(Object.class).hasSize(28);
    }

    @Test
    void aTablesLabelAndPartySizesAreChecked() {
        String id = owners.created(owner);
        String before = owners.stored(id);
        Map<String, Object> reversed = aTable("T1", 2);
        reversed.put("minParty", 4);
        for (var bad : List.of(
                Map.entry(aTable("", 2), "input.label REQUIRED"),
                Map.entry(aTable("x".repeat(41), 2), "input.label TOO_LONG"),
                Map.entry(aTable("T\u00001", 2), "input.label INVALID_CHARACTERS"),
                Map.entry(aTable("T1", 0), "input.maxParty OUT_OF_RANGE"),
                Map.entry(aTable("T1", 51), "input.maxParty OUT_OF_RANGE"),
                Map.entry(aTable("T1", Integer.MAX_VALUE), "input.maxParty OUT_OF_RANGE"),
                Map.entry(reversed, "input.maxParty OUT_OF_RANGE"))) {
            assertThat(owners.addTable(id, 1, bad.getKey()).path("addRestaurantTable.errors").entityList(Map.class).get())
                    .extracting(e -> e.get("field") + " " + e.get("code")).containsExactly(bad.getValue());
        }
        assertThat(owners.stored(id)).isEqualTo(before);

        String table = owners.addTable(id, 1, aTable("T1", 2)).path("addRestaurantTable.restaurant.tables[0].id")
                .entity(String.class).get();
        graphQl.document(Owners.UPDATE_TABLE).variable("id", table).variable("version", 2)
                .variable("input", aTable("T\u00002", 2)).execute()
                .path("updateRestaurantTable.errors[0].code").entity(String.class).isEqualTo("INVALID_CHARACTERS");
    }

    @Test
    void malformedAndUnknownIdsAreNotFound() {
        owners.created(owner);
        for (String id : List.of("not-an-id", "%2e%2e%2f", UUID.randomUUID().toString())) {
            owners.update(id, 1, Map.of("name", "x")).path("updateRestaurant.errors[0].code").entity(String.class)
                    .isEqualTo("NOT_FOUND");
            graphQl.document(Owners.REMOVE_TABLE).variable("id", id).variable("version", 1).execute()
                    .path("removeRestaurantTable.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        }
    }

    private static Map<String, Object> row(int upTo, int minutes) {
        return new HashMap<>(Map.of("upToPartySize", upTo, "minutes", minutes));
    }
}
