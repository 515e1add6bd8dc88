package dev.stay.catalog.onboarding;

import static dev.stay.catalog.db.Tables.OUTBOX;
import static dev.stay.catalog.db.Tables.PROPERTY;
import static dev.stay.catalog.db.Tables.PROPERTY_PHOTO;
import static dev.stay.catalog.db.Tables.UNIT_TYPE;
import static dev.stay.catalog.db.Tables.UNIT_TYPE_PHOTO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
import dev.stay.catalog.db.enums.Amenity;
import dev.stay.catalog.db.tables.records.UnitTypeRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

@SubgraphTest
class OwnerMutationsIT {

    static final String HOTEL_FIELDS = "hotel { id name stars status version timeZone checkInTime address { country } "
            + "photos { url } roomTypes { id name defaultRooms } } errors { field code message }";
    static final String CREATE = "mutation ($input: CreateHotelInput!) { createHotel(input: $input) { " + HOTEL_FIELDS + " } }";
    static final String UPDATE = "mutation ($id: ID!, $version: Int!, $input: UpdateHotelInput!) { "
            + "updateHotel(id: $id, version: $version, input: $input) { " + HOTEL_FIELDS + " } }";
    static final String PUBLISH = "mutation ($id: ID!, $version: Int!) { publishHotel(id: $id, version: $version) { "
            + HOTEL_FIELDS + " } }";
    static final String ADD_PHOTO = "mutation ($id: ID!, $version: Int!, $input: PhotoInput!) { "
            + "addHotelPhoto(hotelId: $id, version: $version, input: $input) { " + HOTEL_FIELDS + " } }";
    static final String REORDER = "mutation ($id: ID!, $version: Int!, $urls: [String!]!) { "
            + "reorderHotelPhotos(hotelId: $id, version: $version, photoUrls: $urls) { " + HOTEL_FIELDS + " } }";
    static final String ADD_ROOM = "mutation ($id: ID!, $input: RoomTypeInput!) { addRoomType(hotelId: $id, input: $input) { "
            + "roomType { id name } hotel { version roomTypes { name } } errors { field code } } }";
    static final String REMOVE_ROOM = "mutation ($id: ID!) { removeRoomType(id: $id) { hotel { roomTypes { id } } errors { code } } }";

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    UUID owner = UUID.randomUUID();

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    static Map<String, Object> aHotel() {
        Map<String, Object> input = new HashMap<>();
        input.put("name", "Casa Azul");
        input.put("description", "Blue tiles, quiet street");
        input.put("stars", 3);
        input.put("address", Map.of("street", "Rua Azul 3", "city", "Porto", "country", "PT"));
        input.put("location", Map.of("lat", 41.15, "lon", -8.61));
        input.put("timeZone", "Europe/Lisbon");
        input.put("currency", "EUR");
        input.put("amenities", List.of("WIFI", "BREAKFAST"));
        input.put("checkInTime", "14:00");
        return input;
    }

    static Map<String, Object> aRoom() {
        return new HashMap<>(Map.of("name", "Double", "maxAdults", 2, "beds", "1 double bed", "defaultRooms", 6));
    }

    @Test
    void anOwnerCreatesADraftThatOnlyTheyAndAdminsSee() {
        SignedIn.as(owner, "guest", "owner");
        var created = graphQl.document(CREATE).variable("input", aHotel()).execute();
        created.path("createHotel.errors").entityList(Object.class).hasSize(0);
        created.path("createHotel.hotel.status").entity(String.class).isEqualTo("DRAFT");
        created.path("createHotel.hotel.version").entity(Integer.class).isEqualTo(1);
        created.path("createHotel.hotel.checkInTime").entity(String.class).isEqualTo("14:00");
        String id = created.path("createHotel.hotel.id").entity(String.class).get();

        graphQl.document("{ myHotels { id } }").execute().path("myHotels[*].id").entityList(String.class).contains(id);
        graphQl.document("{ hotel(id: \"" + id + "\") { id } }").execute().path("hotel.id").hasValue();
        SignedIn.as(UUID.randomUUID(), "guest");
        graphQl.document("{ hotel(id: \"" + id + "\") { id } }").execute().path("hotel").valueIsNull();
        SignedIn.nobody();
        graphQl.document("{ hotel(id: \"" + id + "\") { id } }").execute().path("hotel").valueIsNull();
        SignedIn.as(UUID.randomUUID(), "admin");
        graphQl.document("{ hotel(id: \"" + id + "\") { id } }").execute().path("hotel.id").hasValue();
    }

    @Test
    void aGuestCannotCreateHotelsAndNobodySignedInIsAskedToSignIn() {
        int before = db.fetchCount(PROPERTY);
        SignedIn.as(owner, "guest");
        graphQl.document(CREATE).variable("input", aHotel()).execute()
                .path("createHotel.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
        SignedIn.nobody();
        graphQl.document(CREATE).variable("input", aHotel()).execute()
                .path("createHotel.errors[0].code").entity(String.class).isEqualTo("UNAUTHENTICATED");
        assertThat(db.fetchCount(PROPERTY)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} = {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "name        | ''                    | REQUIRED",
            "stars       | 6                     | OUT_OF_RANGE",
            "stars       | 0                     | OUT_OF_RANGE",
            "timeZone    | Europe/Atlantis       | INVALID_TIME_ZONE",
            "currency    | EUX                   | INVALID_CURRENCY",
            "currency    | eur                   | INVALID_CURRENCY",
            "currency    | XAU                   | INVALID_CURRENCY",
            "currency    | XXX                   | INVALID_CURRENCY",
            "checkInTime | 3pm                   | INVALID_FORMAT",
            "checkInTime | 25:00                 | INVALID_FORMAT",
            "address     | country=pt            | INVALID_COUNTRY",
            "address     | country=XX            | INVALID_COUNTRY",
            "location    | lat=91                | OUT_OF_RANGE",
            "location    | lon=-180.5            | OUT_OF_RANGE",
            "description | 5001 characters       | TOO_LONG"})
    void invalidInputIsRefusedNamingTheFieldAndChangesNothing(String field, String value, String code) {
        SignedIn.as(owner, "owner");
        Map<String, Object> input = aHotel();
        String expectedField = field;
        switch (field) {
            case "stars" -> input.put(field, Integer.parseInt(value));
            case "address" -> {
                input.put(field, Map.of("street", "x", "city", "y", "country", value.substring(8)));
                expectedField = "address.country";
            }
            case "location" -> {
                Map<String, Object> location = new HashMap<>(Map.of("lat", 0.0, "lon", 0.0));
                location.put(value.substring(0, 3), Double.parseDouble(value.substring(4)));
                input.put(field, location);
                expectedField = "location." + value.substring(0, 3);
            }
            case "description" -> input.put(field, "x".repeat(5001));
            default -> input.put(field, value);
        }
        int before = db.fetchCount(PROPERTY);

        var result = graphQl.document(CREATE).variable("input", input).execute();

        result.path("createHotel.hotel").valueIsNull();
        result.path("createHotel.errors[0].field").entity(String.class).isEqualTo(expectedField);
        result.path("createHotel.errors[0].code").entity(String.class).isEqualTo(code);
        assertThat(db.fetchCount(PROPERTY)).isEqualTo(before);
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        SignedIn.as(owner, "owner");
        Map<String, Object> input = aHotel();
        input.put("stars", 9);
        input.put("currency", "XYZW");
        input.put("timeZone", "Mars/Olympus");

        assertThat(graphQl.document(CREATE).variable("input", input).execute()
                .path("createHotel.errors[*].field").entityList(String.class).get())
                .containsExactlyInAnyOrder("stars", "currency", "timeZone");
    }

    @Test
    void aStaleUpdateIsRefusedAndAFreshOneMovesTheVersion() {
        String id = created();
        var updated = update(id, 1, Map.of("name", "Casa Azul & Jardim", "stars", 4));
        updated.path("updateHotel.hotel.version").entity(Integer.class).isEqualTo(2);
        updated.path("updateHotel.hotel.name").entity(String.class).isEqualTo("Casa Azul & Jardim");

        var stale = update(id, 1, Map.of("name", "Lost update"));

        stale.path("updateHotel.errors[0].code").entity(String.class).isEqualTo("STALE_VERSION");
        stale.path("updateHotel.hotel").valueIsNull();
        assertThat(db.fetchCount(OUTBOX, OUTBOX.KEY.eq(id))).as("created and updated: the refused edit published nothing")
                .isEqualTo(2);
        assertThat(db.select(PROPERTY.NAME).from(PROPERTY).where(PROPERTY.ID.eq(UUID.fromString(id))).fetchOne().value1())
                .isEqualTo("Casa Azul & Jardim");
    }

    @Test
    void anotherOwnerCannotTouchTheHotelButAnAdminCan() {
        String id = created();
        SignedIn.as(UUID.randomUUID(), "guest", "owner");
        update(id, 1, Map.of("name", "Mine now")).path("updateHotel.errors[0].code").entity(String.class)
                .isEqualTo("FORBIDDEN");
        SignedIn.as(UUID.randomUUID(), "admin");
        update(id, 1, Map.of("stars", 5)).path("updateHotel.hotel.stars").entity(Integer.class).isEqualTo(5);
    }

    @Test
    void publishingNeedsARoomTypeAndAPhotoThenTheHotelIsPublic() {
        String id = created();
        graphQl.document(PUBLISH).variable("id", id).variable("version", 1).execute()
                .path("publishHotel.errors[0].code").entity(String.class).isEqualTo("INVALID_STATUS_CHANGE");

        graphQl.document(ADD_ROOM).variable("id", id).variable("input", aRoom()).execute()
                .path("addRoomType.hotel.version").entity(Integer.class).isEqualTo(2);
        graphQl.document(ADD_PHOTO).variable("id", id).variable("version", 2)
                .variable("input", Map.of("url", "https://img.stay.example/azul/1.jpg")).execute()
                .path("addHotelPhoto.hotel.version").entity(Integer.class).isEqualTo(3);
        graphQl.document(PUBLISH).variable("id", id).variable("version", 3).execute()
                .path("publishHotel.hotel.status").entity(String.class).isEqualTo("PUBLISHED");

        SignedIn.nobody();
        graphQl.document("{ hotel(id: \"" + id + "\") { name roomTypes { name defaultRooms } } }").execute()
                .path("hotel.roomTypes[0].defaultRooms").entity(Integer.class).isEqualTo(6);
    }

    @Test
    void photosAreAddedReorderedAndChecked() {
        String id = created();
        addPhoto(id, 1, "https://img.stay.example/a.jpg");
        addPhoto(id, 2, "https://img.stay.example/b.jpg");

        graphQl.document(REORDER).variable("id", id).variable("version", 3)
                .variable("urls", List.of("https://img.stay.example/b.jpg", "https://img.stay.example/a.jpg")).execute()
                .path("reorderHotelPhotos.hotel.photos[*].url").entityList(String.class)
                .containsExactly("https://img.stay.example/b.jpg", "https://img.stay.example/a.jpg");
        graphQl.document(REORDER).variable("id", id).variable("version", 4)
                .variable("urls", List.of("https://img.stay.example/b.jpg")).execute()
                .path("reorderHotelPhotos.errors[0].field").entity(String.class).isEqualTo("photoUrls");
        for (String bad : List.of("http://img.stay.example/c.jpg", "javascript:alert(1)", "https://", " https://x.io/a.jpg")) {
            graphQl.document(ADD_PHOTO).variable("id", id).variable("version", 4).variable("input", Map.of("url", bad))
                    .execute().path("addHotelPhoto.errors[0].code").entity(String.class).isEqualTo("INVALID_URL");
        }
        graphQl.document(ADD_PHOTO).variable("id", id).variable("version", 4)
                .variable("input", Map.of("url", "https://img.stay.example/a.jpg")).execute()
                .path("addHotelPhoto.errors[0].code").entity(String.class).isEqualTo("DUPLICATE_PHOTO");
    }

    @Test
    void roomTypesAreValidatedAndRemovedFromSale() {
        String id = created();
        Map<String, Object> bad = aRoom();
        bad.put("maxAdults", 0);
        bad.put("defaultRooms", 10_001);
        assertThat(graphQl.document(ADD_ROOM).variable("id", id).variable("input", bad).execute()
                .path("addRoomType.errors[*].field").entityList(String.class).get())
                .containsExactlyInAnyOrder("maxAdults", "defaultRooms");

        String room = graphQl.document(ADD_ROOM).variable("id", id).variable("input", aRoom()).execute()
                .path("addRoomType.roomType.id").entity(String.class).get();
        graphQl.document(REMOVE_ROOM).variable("id", room).execute()
                .path("removeRoomType.hotel.roomTypes").entityList(Object.class).hasSize(0);
        graphQl.document(REMOVE_ROOM).variable("id", room).execute()
                .path("removeRoomType.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
    }

    @Test
    void anOwnerWhoseOwnerRoleWasRemovedCanNoLongerChangeTheirHotels() {
        String id = created();
        String room = graphQl.document(ADD_ROOM).variable("id", id).variable("input", aRoom()).execute()
                .path("addRoomType.roomType.id").entity(String.class).get();
        SignedIn.as(owner, "guest"); // the same person, with a token issued after an admin took the role away

        update(id, 2, Map.of("name", "Still mine?")).path("updateHotel.errors[0].code").entity(String.class)
                .isEqualTo("FORBIDDEN");
        graphQl.document(ADD_PHOTO).variable("id", id).variable("version", 2)
                .variable("input", Map.of("url", "https://img.stay.example/x.jpg")).execute()
                .path("addHotelPhoto.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
        graphQl.document(ADD_ROOM).variable("id", id).variable("input", aRoom()).execute()
                .path("addRoomType.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
        graphQl.document(REMOVE_ROOM).variable("id", room).execute()
                .path("removeRoomType.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
        assertThat(db.select(PROPERTY.NAME, PROPERTY.VERSION).from(PROPERTY).where(PROPERTY.ID.eq(UUID.fromString(id)))
                .fetchOne().intoArray()).containsExactly("Casa Azul", 2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"name", "description", "houseRules", "address.street", "address.city", "address.region",
            "address.postalCode"})
    void aControlCharacterInAnyTextOfAHotelIsRefusedAsSuch(String field) {
        SignedIn.as(owner, "owner");
        int before = db.fetchCount(PROPERTY);
        for (String bad : List.of("Casa\u0000Azul", "Casa \u001B[31mAzul", "Casa\u007FAzul")) {
            Map<String, Object> input = aHotel();
            if (field.startsWith("address.")) {
                Map<String, Object> address = new HashMap<>(Map.of("street", "Rua Azul 3", "city", "Porto", "country", "PT"));
                address.put(field.substring(8), bad);
                input.put("address", address);
            } else {
                input.put(field, bad);
            }
            var created = graphQl.document(CREATE).variable("input", input).execute();
            created.path("createHotel.errors[0].field").entity(String.class).isEqualTo(field);
            created.path("createHotel.errors[0].code").entity(String.class).isEqualTo("INVALID_CHARACTERS");
        }
        assertThat(db.fetchCount(PROPERTY)).isEqualTo(before);

        String id = created();
        Map<String, Object> edit = new HashMap<>();
        if (field.startsWith("address.")) {
            Map<String, Object> address = new HashMap<>(Map.of("street", "Rua Azul 3", "city", "Porto", "country", "PT"));
            address.put(field.substring(8), "Porto\u0000");
            edit.put("address", address);
        } else {
            edit.put(field, "Casa\u0000Azul");
        }
        update(id, 1, edit).path("updateHotel.errors[0].code").entity(String.class).isEqualTo("INVALID_CHARACTERS");
    }

    @Test
    void aControlCharacterInARoomTypeOrACaptionIsRefusedOnEveryPath() {
        String id = created();
        for (String field : List.of("name", "description", "beds")) {
            Map<String, Object> room = aRoom();
            room.put(field, "Double\u0000");
            graphQl.document(ADD_ROOM).variable("id", id).variable("input", room).execute()
                    .path("addRoomType.errors[0].field").entity(String.class).isEqualTo(field)
                    .path("addRoomType.errors[0].code").entity(String.class).isEqualTo("INVALID_CHARACTERS");
        }
        Map<String, Object> withPhoto = aRoom();
        withPhoto.put("photos", List.of(Map.of("url", "https://img.stay.example/r.jpg", "caption", "View\u0007")));
        graphQl.document(ADD_ROOM).variable("id", id).variable("input", withPhoto).execute()
                .path("addRoomType.errors[0].field").entity(String.class).isEqualTo("photos[0].caption")
                .path("addRoomType.errors[0].code").entity(String.class).isEqualTo("INVALID_CHARACTERS");
        graphQl.document(ADD_PHOTO).variable("id", id).variable("version", 1)
                .variable("input", Map.of("url", "https://img.stay.example/a.jpg", "caption", "Front\u0000")).execute()
                .path("addHotelPhoto.errors[0].field").entity(String.class).isEqualTo("input.caption")
                .path("addHotelPhoto.errors[0].code").entity(String.class).isEqualTo("INVALID_CHARACTERS");
        assertThat(db.fetchCount(PROPERTY_PHOTO, PROPERTY_PHOTO.PROPERTY_ID.eq(UUID.fromString(id)))).isZero();
        assertThat(db.fetchCount(UNIT_TYPE, UNIT_TYPE.PROPERTY_ID.eq(UUID.fromString(id)))).isZero();
    }

    @Test
    void captionsAreStoredStrippedLikeEveryOtherText() {
        String id = created();
        graphQl.document(ADD_PHOTO).variable("id", id).variable("version", 1)
                .variable("input", Map.of("url", "https://img.stay.example/a.jpg", "caption", "  Front door \n")).execute()
                .path("addHotelPhoto.errors").entityList(Object.class).hasSize(0);
        graphQl.document(ADD_PHOTO).variable("id", id).variable("version", 2)
                .variable("input", Map.of("url", "https://img.stay.example/b.jpg", "caption", "   ")).execute()
                .path("addHotelPhoto.errors").entityList(Object.class).hasSize(0);
        Map<String, Object> room = aRoom();
        room.put("photos", List.of(Map.of("url", "https://img.stay.example/r.jpg", "caption", "\tSea view  ")));
        graphQl.document(ADD_ROOM).variable("id", id).variable("input", room).execute()
                .path("addRoomType.errors").entityList(Object.class).hasSize(0);

        assertThat(db.select(PROPERTY_PHOTO.CAPTION).from(PROPERTY_PHOTO)
                .where(PROPERTY_PHOTO.PROPERTY_ID.eq(UUID.fromString(id))).orderBy(PROPERTY_PHOTO.POSITION).fetch(PROPERTY_PHOTO.CAPTION))
                .containsExactly("Front door", null);
        assertThat(db.select(UNIT_TYPE_PHOTO.CAPTION).from(UNIT_TYPE_PHOTO).join(UNIT_TYPE)
                .on(UNIT_TYPE.ID.eq(UNIT_TYPE_PHOTO.UNIT_TYPE_ID)).where(UNIT_TYPE.PROPERTY_ID.eq(UUID.fromString(id)))
                .fetch(UNIT_TYPE_PHOTO.CAPTION)).containsExactly("Sea view");
    }

    @Test
    void aHotelSellsAtMostAHundredRoomTypes() {
        String id = created();
        UUID hotelId = UUID.fromString(id);
        List<UnitTypeRecord> rooms = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rooms.add(new UnitTypeRecord().setId(UUID.randomUUID()).setPropertyId(hotelId).setPosition(i)
                    .setName("Room " + i).setMaxAdults(2).setMaxChildren(0).setBeds("1 bed").setDefaultUnits(1)
                    .setAmenities(new Amenity[0]).setRemoved(false));
        }
        db.batchInsert(rooms).execute();

        graphQl.document(ADD_ROOM).variable("id", id).variable("input", aRoom()).execute()
                .path("addRoomType.errors[0].code").entity(String.class).isEqualTo("TOO_MANY_ROOM_TYPES");
        assertThat(db.fetchCount(UNIT_TYPE, UNIT_TYPE.PROPERTY_ID.eq(hotelId))).isEqualTo(100);

        graphQl.document(REMOVE_ROOM).variable("id", rooms.getFirst().getId().toString()).execute()
                .path("removeRoomType.errors").entityList(Object.class).hasSize(0);
        graphQl.document(ADD_ROOM).variable("id", id).variable("input", aRoom()).execute()
                .path("addRoomType.errors").entityList(Object.class).hasSize(0);
    }

    @Test
    void myHotelsComeAPageAtATimeNewestFirst() {
        String first = created();
        String second = created();
        String third = created();

        graphQl.document("{ myHotels(first: 2) { id } }").execute().path("myHotels[*].id").entityList(String.class)
                .containsExactly(third, second);
        graphQl.document("{ myHotels(first: 2, after: \"" + second + "\") { id } }").execute()
                .path("myHotels[*].id").entityList(String.class).containsExactly(first);
        graphQl.document("{ myHotels { id } }").execute().path("myHotels[*].id").entityList(String.class)
                .containsExactly(third, second, first);
        for (int absurd : List.of(0, -1, 101, Integer.MAX_VALUE)) {
            graphQl.document("{ myHotels(first: " + absurd + ") { id } }").execute().errors()
                    .expect(error -> "BAD_USER_INPUT".equals(error.getExtensions().get("code"))
                            && "first".equals(error.getExtensions().get("field")))
                    .verify();
        }
        SignedIn.as(UUID.randomUUID(), "owner");
        graphQl.document("{ myHotels(after: \"" + second + "\") { id } }").execute()
                .path("myHotels").entityList(Object.class).hasSize(0);
    }

    private String created() {
        SignedIn.as(owner, "guest", "owner");
        return graphQl.document(CREATE).variable("input", aHotel()).execute()
                .path("createHotel.hotel.id").entity(String.class).get();
    }

    private GraphQlTester.Response update(String id, int version, Map<String, Object> input) {
        return graphQl.document(UPDATE).variable("id", id).variable("version", version).variable("input", input).execute();
    }

    private void addPhoto(String id, int version, String url) {
        graphQl.document(ADD_PHOTO).variable("id", id).variable("version", version).variable("input", Map.of("url", url))
                .execute().path("addHotelPhoto.errors").entityList(Object.class).hasSize(0);
    }
}
