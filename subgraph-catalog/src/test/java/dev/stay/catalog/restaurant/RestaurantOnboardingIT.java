package dev.stay.catalog.restaurant;

import static dev.stay.catalog.db.Tables.OUTBOX;
import static dev.stay.catalog.db.Tables.RESTAURANT;
import static dev.stay.catalog.db.Tables.RESTAURANT_TABLE;
import static dev.stay.catalog.restaurant.Owners.ADD_PHOTO;
import static dev.stay.catalog.restaurant.Owners.CREATE;
import static dev.stay.catalog.restaurant.Owners.PUBLISH;
import static dev.stay.catalog.restaurant.Owners.REMOVE_PHOTO;
import static dev.stay.catalog.restaurant.Owners.REMOVE_TABLE;
import static dev.stay.catalog.restaurant.Owners.UNPUBLISH;
import static dev.stay.catalog.restaurant.Owners.UPDATE_TABLE;
import static dev.stay.catalog.restaurant.Owners.aRestaurant;
import static dev.stay.catalog.restaurant.Owners.aTable;
import static dev.stay.catalog.restaurant.Owners.period;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.catalog.db.tables.records.RestaurantTableRecord;
import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebGraphQlTester;

/** Owners create, edit, publish and furnish their restaurants; nobody else touches them but admins. */
@SubgraphTest
class RestaurantOnboardingIT {

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

    @Test
    void anOwnerCreatesADraftWithTheDefaultsTheSchemaNames() {
        SignedIn.as(owner, "guest", "owner");
        var created = graphQl.document(CREATE).variable("input", aRestaurant()).execute();

        created.path("createRestaurant.errors").entityList(Object.class).hasSize(0);
        created.path("createRestaurant.restaurant.status").entity(String.class).isEqualTo("DRAFT");
        created.path("createRestaurant.restaurant.version").entity(Integer.class).isEqualTo(1);
        created.path("createRestaurant.restaurant.slotMinutes").entity(Integer.class).isEqualTo(15);
        created.path("createRestaurant.restaurant.depositPerGuest")
                .entity(Map.class).isEqualTo(Map.of("amount", "0.00", "currency", "EUR"));
        created.path("createRestaurant.restaurant.depositRefundableHours").entity(Integer.class).isEqualTo(24);
        created.path("createRestaurant.restaurant.seatingDurations[*].upToPartySize").entityList(Integer.class)
                .containsExactly(2, 6, 20);
        created.path("createRestaurant.restaurant.seatingDurations[*].minutes").entityList(Integer.class)
                .containsExactly(90, 120, 150);
        created.path("createRestaurant.restaurant.openingHours").entityList(Object.class).hasSize(9);
        created.path("createRestaurant.restaurant.openingHours[8]").entity(Map.class)
                .isEqualTo(Map.of("weekday", "SATURDAY", "opens", "19:00", "closes", "01:00"));
        created.path("createRestaurant.restaurant.owner.id").entity(String.class).isEqualTo(owner.toString());
        String id = created.path("createRestaurant.restaurant.id").entity(String.class).get();

        graphQl.document("{ myRestaurants { id } }").execute().path("myRestaurants[*].id").entityList(String.class)
                .containsExactly(id);
    }

    @Test
    void anEditChangesOnlyTheFieldsGivenAndAListGivenReplacesTheList() {
        String id = owners.created(owner);
        var edited = owners.update(id, 1, Map.of("name", "  Tasca Azul & Mar ", "depositPerGuest", "12.5",
                "openingHours", List.of(period("SUNDAY", "12:00", "16:00")), "slotMinutes", 30,
                "seatingDurations", List.of(Map.of("upToPartySize", 4, "minutes", 100))));

        edited.path("updateRestaurant.errors").entityList(Object.class).hasSize(0);
        edited.path("updateRestaurant.restaurant.name").entity(String.class).isEqualTo("Tasca Azul & Mar");
        edited.path("updateRestaurant.restaurant.version").entity(Integer.class).isEqualTo(2);
        edited.path("updateRestaurant.restaurant.depositPerGuest.amount").entity(String.class).isEqualTo("12.50");
        edited.path("updateRestaurant.restaurant.openingHours[*].weekday").entityList(String.class)
                .containsExactly("SUNDAY");
        edited.path("updateRestaurant.restaurant.slotMinutes").entity(Integer.class).isEqualTo(30);
        edited.path("updateRestaurant.restaurant.seatingDurations[*].minutes").entityList(Integer.class)
                .containsExactly(100);
        edited.path("updateRestaurant.restaurant.cuisines").entityList(String.class)
                .containsExactly("PORTUGUESE", "SEAFOOD");
        edited.path("updateRestaurant.restaurant.closedDates").entityList(String.class).hasSize(1);
    }

    @Test
    void publishingNeedsATableAndAServicePeriodThenTheRestaurantIsPublic() {
        String id = owners.created(owner);
        owners.update(id, 1, Map.of("openingHours", List.of())).path("updateRestaurant.restaurant.version")
                .entity(Integer.class).isEqualTo(2);
        var notReady = graphQl.document(PUBLISH).variable("id", id).variable("version", 2).execute();
        assertThat(notReady.path("publishRestaurant.errors[*].code").entityList(String.class).get())
                .containsExactly("NOT_READY_TO_PUBLISH", "NOT_READY_TO_PUBLISH");
        owners.addTable(id, 2, aTable("T1", 4)).path("addRestaurantTable.restaurant.version").entity(Integer.class)
                .isEqualTo(3);
        graphQl.document(PUBLISH).variable("id", id).variable("version", 3).execute()
                .path("publishRestaurant.errors[0].code").entity(String.class).isEqualTo("NOT_READY_TO_PUBLISH")
                .path("publishRestaurant.errors").entityList(Object.class).hasSize(1);
        owners.update(id, 3, Map.of("openingHours", List.of(period("FRIDAY", "19:00", "23:30"))));

        graphQl.document(PUBLISH).variable("id", id).variable("version", 4).execute()
                .path("publishRestaurant.restaurant.status").entity(String.class).isEqualTo("PUBLISHED");
        SignedIn.nobody();
        graphQl.document("{ restaurant(id: \"" + id + "\") { name tables { label } } }").execute()
                .path("restaurant.tables[0].label").entity(String.class).isEqualTo("T1");

        SignedIn.as(owner, "owner");
        owners.update(id, 5, Map.of("openingHours", List.of())).path("updateRestaurant.errors[0].code")
                .entity(String.class).isEqualTo("INVALID_STATUS_CHANGE");
        graphQl.document(PUBLISH).variable("id", id).variable("version", 5).execute()
                .path("publishRestaurant.errors[0].code").entity(String.class).isEqualTo("INVALID_STATUS_CHANGE");
        graphQl.document(UNPUBLISH).variable("id", id).variable("version", 5).execute()
                .path("unpublishRestaurant.restaurant.status").entity(String.class).isEqualTo("DRAFT");
        SignedIn.nobody();
        graphQl.document("{ restaurant(id: \"" + id + "\") { name } }").execute().path("restaurant").valueIsNull();
    }

    @Test
    void aStaleChangeIsRefusedAndChangesNothing() {
        String id = owners.created(owner);
        owners.update(id, 1, Map.of("priceRange", 3)).path("updateRestaurant.restaurant.version").entity(Integer.class)
                .isEqualTo(2);
        String before = owners.stored(id);

        owners.update(id, 1, Map.of("name", "Lost update")).path("updateRestaurant.errors[0].code")
                .entity(String.class).isEqualTo("STALE_VERSION");
        owners.addTable(id, 1, aTable("T1", 2)).path("addRestaurantTable.errors[0].code").entity(String.class)
                .isEqualTo("STALE_VERSION");
        graphQl.document(PUBLISH).variable("id", id).variable("version", 1).execute()
                .path("publishRestaurant.errors[0].code").entity(String.class).isEqualTo("STALE_VERSION");

        assertThat(owners.stored(id)).isEqualTo(before);
        assertThat(db.fetchCount(OUTBOX, OUTBOX.KEY.eq(id))).as("created and updated once: refusals publish nothing")
                .isEqualTo(2);
    }

    @Test
    void guestsOtherOwnersAndTheSignedOutCannotTouchARestaurantButAnAdminCan() {
        String id = owners.created(owner);
        String table = owners.addTable(id, 1, aTable("T1", 2))
                .path("addRestaurantTable.restaurant.tables[0].id").entity(String.class).get();
        String before = owners.stored(id);
        int restaurants = db.fetchCount(RESTAURANT);

        for (String[] who : List.of(new String[] {"guest"}, new String[] {"guest", "owner"}, new String[0])) {
            String expected = who.length == 0 ? "UNAUTHENTICATED" : "FORBIDDEN";
            if (who.length == 0) SignedIn.nobody(); else SignedIn.as(UUID.randomUUID(), who);
            owners.update(id, 2, Map.of("name", "Mine now")).path("updateRestaurant.errors[0].code")
                    .entity(String.class).isEqualTo(expected);
            owners.addTable(id, 2, aTable("T2", 2)).path("addRestaurantTable.errors[0].code").entity(String.class)
                    .isEqualTo(expected);
            graphQl.document(UPDATE_TABLE).variable("id", table).variable("version", 2).variable("input", aTable("X", 8))
                    .execute().path("updateRestaurantTable.errors[0].code").entity(String.class).isEqualTo(expected);
            graphQl.document(REMOVE_TABLE).variable("id", table).variable("version", 2).execute()
                    .path("removeRestaurantTable.errors[0].code").entity(String.class).isEqualTo(expected);
            graphQl.document(PUBLISH).variable("id", id).variable("version", 2).execute()
                    .path("publishRestaurant.errors[0].code").entity(String.class).isEqualTo(expected);
            graphQl.document(ADD_PHOTO).variable("id", id).variable("version", 2)
                    .variable("input", Map.of("url", "https://img.stay.example/x.jpg")).execute()
                    .path("addRestaurantPhoto.errors[0].code").entity(String.class).isEqualTo(expected);
            if (who.length < 2) {
                graphQl.document(CREATE).variable("input", aRestaurant()).execute()
                        .path("createRestaurant.errors[0].code").entity(String.class).isEqualTo(expected);
            }
        }
        assertThat(owners.stored(id)).isEqualTo(before);
        assertThat(db.fetchCount(RESTAURANT)).isEqualTo(restaurants);

        SignedIn.as(UUID.randomUUID(), "admin");
        owners.update(id, 2, Map.of("priceRange", 4)).path("updateRestaurant.restaurant.priceRange")
                .entity(Integer.class).isEqualTo(4);
        SignedIn.as(owner, "guest"); // the owner role taken away since
        owners.update(id, 3, Map.of("priceRange", 1)).path("updateRestaurant.errors[0].code").entity(String.class)
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void tablesAreAddedEditedAndRemovedKeepingTheirRowsForTheirReservations() {
        String id = owners.created(owner);
        String t1 = owners.addTable(id, 1, aTable("T1", 2)).path("addRestaurantTable.restaurant.tables[0].id")
                .entity(String.class).get();
        Map<String, Object> terrace = aTable("T2", 6);
        terrace.put("minParty", 3);
        terrace.put("area", "TERRACE");
        owners.addTable(id, 2, terrace).path("addRestaurantTable.restaurant.tables[1]").entity(Map.class)
                .satisfies(t -> assertThat(t).containsEntry("minParty", 3).containsEntry("area", "TERRACE"));

        owners.addTable(id, 3, aTable(" t1 ", 4)).path("addRestaurantTable.errors[0].code").entity(String.class)
                .isEqualTo("DUPLICATE_LABEL");
        graphQl.document(UPDATE_TABLE).variable("id", t1).variable("version", 3).variable("input", aTable("t2", 4))
                .execute().path("updateRestaurantTable.errors[0].code").entity(String.class).isEqualTo("DUPLICATE_LABEL");
        graphQl.document(UPDATE_TABLE).variable("id", t1).variable("version", 3).variable("input", aTable("T1", 4))
                .execute().path("updateRestaurantTable.restaurant.tables[0].maxParty").entity(Integer.class).isEqualTo(4);

        graphQl.document(REMOVE_TABLE).variable("id", t1).variable("version", 4).execute()
                .path("removeRestaurantTable.restaurant.tables[*].label").entityList(String.class).containsExactly("T2")
                .path("removeRestaurantTable.restaurant.version").entity(Integer.class).isEqualTo(5);
        assertThat(db.select(RESTAURANT_TABLE.REMOVED).from(RESTAURANT_TABLE)
                .where(RESTAURANT_TABLE.ID.eq(UUID.fromString(t1))).fetchOne(RESTAURANT_TABLE.REMOVED))
                .as("the row stays for the reservations it has").isTrue();
        graphQl.document(REMOVE_TABLE).variable("id", t1).variable("version", 5).execute()
                .path("removeRestaurantTable.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        // a removed table's label is free again
        owners.addTable(id, 5, aTable("T1", 2)).path("addRestaurantTable.errors").entityList(Object.class).hasSize(0);
    }

    /** The restaurant's row is locked for each change: of eight owners' tabs adding a table at version 1, one wins. */
    @Test
    void concurrentChangesAtTheSameVersionLeaveExactlyOneWinner() throws Exception {
        String id = owners.created(owner);
        List<java.util.concurrent.Callable<String>> tabs = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String label = "T" + i;
            tabs.add(() -> {
                SignedIn.as(owner, "owner");
                try {
                    List<String> codes = owners.addTable(id, 1, aTable(label, 4))
                            .path("addRestaurantTable.errors[*].code").entityList(String.class).get();
                    return codes.isEmpty() ? "OK" : String.join(",", codes);
                } finally {
                    SignedIn.nobody();
                }
            });
        }
        List<String> outcomes = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            for (var result : pool.invokeAll(tabs)) outcomes.add(result.get());
        }

        assertThat(outcomes).containsOnly("OK", "STALE_VERSION").filteredOn("OK"::equals).hasSize(1);
        assertThat(db.fetchCount(RESTAURANT_TABLE, RESTAURANT_TABLE.RESTAURANT_ID.eq(UUID.fromString(id)))).isEqualTo(1);
        assertThat(db.fetchCount(OUTBOX, OUTBOX.KEY.eq(id))).isEqualTo(2);
    }

    @Test
    void aRestaurantHasAtMostTwoHundredTablesOnSale() {
        String id = owners.created(owner);
        UUID restaurant = UUID.fromString(id);
        List<RestaurantTableRecord> tables = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            tables.add(new RestaurantTableRecord(UUID.randomUUID(), restaurant, "T" + i, (short) 1, (short) 4,
                    dev.stay.catalog.db.enums.TableArea.INSIDE, false));
        }
        db.batchInsert(tables).execute();
        String before = owners.stored(id);

        owners.addTable(id, 1, aTable("T999", 2)).path("addRestaurantTable.errors[0].code").entity(String.class)
                .isEqualTo("TOO_MANY_TABLES");
        assertThat(owners.stored(id)).isEqualTo(before);

        graphQl.document(REMOVE_TABLE).variable("id", tables.getFirst().getId().toString()).variable("version", 1)
                .execute().path("removeRestaurantTable.errors").entityList(Object.class).hasSize(0);
        owners.addTable(id, 2, aTable("T999", 2)).path("addRestaurantTable.errors").entityList(Object.class).hasSize(0);
    }

    @Test
    void photosAreAddedCheckedAndRemoved() {
        String id = owners.created(owner);
        graphQl.document(ADD_PHOTO).variable("id", id).variable("version", 1)
                .variable("input", Map.of("url", "https://img.stay.example/t.jpg", "caption", "  Terrace ")).execute()
                .path("addRestaurantPhoto.restaurant.photos[0].caption").entity(String.class).isEqualTo("Terrace");
        for (String bad : List.of("http://img.stay.example/c.jpg", "javascript:alert(1)", "https://",
                "https://user:pw@img.stay.example/a.jpg", "https://img.stay.example/" + "a".repeat(2050))) {
            graphQl.document(ADD_PHOTO).variable("id", id).variable("version", 2).variable("input", Map.of("url", bad))
                    .execute().path("addRestaurantPhoto.errors[0].code").entity(String.class).isEqualTo("INVALID_URL");
        }
        graphQl.document(ADD_PHOTO).variable("id", id).variable("version", 2)
                .variable("input", Map.of("url", "https://img.stay.example/t.jpg")).execute()
                .path("addRestaurantPhoto.errors[0].code").entity(String.class).isEqualTo("DUPLICATE_PHOTO");
        graphQl.document(ADD_PHOTO).variable("id", id).variable("version", 2)
                .variable("input", Map.of("url", "https://img.stay.example/u.jpg", "caption", "Bar\u0000")).execute()
                .path("addRestaurantPhoto.errors[0].field").entity(String.class).isEqualTo("input.caption")
                .path("addRestaurantPhoto.errors[0].code").entity(String.class).isEqualTo("INVALID_CHARACTERS");
        graphQl.document(REMOVE_PHOTO).variable("id", id).variable("version", 2).variable("url", "https://nope.example/x")
                .execute().path("removeRestaurantPhoto.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        graphQl.document(REMOVE_PHOTO).variable("id", id).variable("version", 2)
                .variable("url", "https://img.stay.example/t.jpg").execute()
                .path("removeRestaurantPhoto.restaurant.photos").entityList(Object.class).hasSize(0);
    }

    @Test
    void myRestaurantsComeAPageAtATimeNewestFirst() {
        String first = owners.created(owner);
        String second = owners.created(owner);
        String third = owners.created(owner);

        graphQl.document("{ myRestaurants(first: 2) { id } }").execute().path("myRestaurants[*].id")
                .entityList(String.class).containsExactly(third, second);
        graphQl.document("{ myRestaurants(first: 2, after: \"" + second + "\") { id } }").execute()
                .path("myRestaurants[*].id").entityList(String.class).containsExactly(first);
        for (int absurd : List.of(0, -1, 101, Integer.MAX_VALUE)) {
            graphQl.document("{ myRestaurants(first: " + absurd + ") { id } }").execute().errors()
                    .expect(error -> "BAD_USER_INPUT".equals(error.getExtensions().get("code"))
                            && "first".equals(error.getExtensions().get("field")))
                    .verify();
        }
        SignedIn.as(UUID.randomUUID(), "owner");
        graphQl.document("{ myRestaurants { id } }").execute().path("myRestaurants").entityList(Object.class).hasSize(0);
        SignedIn.nobody();
        graphQl.document("{ myRestaurants { id } }").execute().path("myRestaurants").entityList(Object.class).hasSize(0);
    }
}
