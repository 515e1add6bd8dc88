package dev.stay.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.sum;

import dev.stay.catalog.db.Tables;
import dev.stay.catalog.db.enums.Amenity;
import dev.stay.seed.world.DemoWorld;
import dev.stay.devstack.engines.Engines;
import dev.stay.devstack.engines.Postgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jooq.CloseableDSLContext;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The loader against the devstack's PostgreSQL, its databases migrated by the subgraphs' own Flyway scripts (from
 * their jars), with no subgraph running: a part first, then the small set, which continues after it, then the
 * small set again, which finds it all there.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedIT {

    static Postgres postgres;
    static final Map<String, CloseableDSLContext> databases = new HashMap<>();
    static final DemoWorld small = DemoWorld.small();

    @BeforeAll
    static void migrate() {
        postgres = Engines.shared().postgres();
        for (String database : SeedOptions.DATABASES) {
            Flyway.configure().dataSource(postgres.jdbcUrl(database), postgres.user(), postgres.password())
                    .locations("classpath:db/migration/" + database).load().migrate();
            databases.put(database, DSL.using(postgres.jdbcUrl(database), postgres.user(), postgres.password()));
        }
    }

    @AfterAll
    static void disconnect() {
        databases.values().forEach(CloseableDSLContext::close);
    }

    @Test
    @Order(1)
    void aPartOfTheWorldLoads() {
        String out = seed("--size", "1000");

        assertThat(out).contains("loading (catalog empty, booking empty, users empty)").contains("loaded in");
        assertThat(db("catalog").fetchCount(Tables.PROPERTY)).isEqualTo(1_000);
        assertThat(db("booking").fetchCount(dev.stay.booking.db.Tables.PROPERTY)).isEqualTo(1_000);
        assertThat(db("users").fetchCount(dev.stay.users.db.Tables.USER_PROFILE)).isEqualTo(250);
        assertThat(db("catalog").fetchCount(Tables.RESTAURANT)).isEqualTo(200);
        assertThat(db("booking").fetchCount(dev.stay.booking.db.Tables.RESTAURANT)).isEqualTo(200);
    }

    @Test
    @Order(2)
    void theSmallSetContinuesWhereThePartEnded() {
        String out = seed("--size", "small");

        assertThat(out).contains("catalog has 1,000 hotels, booking has 1,000 hotels, users has 1,000 hotels");
        long photos = small.hotels().stream().mapToLong(hotel -> hotel.photos().size()).sum();
        DSLContext catalog = db("catalog");
        assertThat(catalog.fetchCount(Tables.PROPERTY)).isEqualTo(2_000);
        assertThat(catalog.fetchCount(Tables.PROPERTY_PHOTO)).isEqualTo(photos);
        long rated = small.hotels().stream().filter(hotel -> CatalogTarget.rating(hotel) != null).count();
        assertThat(catalog.fetchCount(Tables.PROPERTY_RATING)).as("nine hotels in ten rated, for search")
                .isEqualTo(rated).isBetween(1_700, 1_900);
        assertThat(catalog.select(sum(Tables.UNIT_TYPE.DEFAULT_UNITS)).from(Tables.UNIT_TYPE).fetchOne().value1())
                .isEqualByComparingTo("40000");
        var booking = dev.stay.booking.db.Tables.UNIT_TYPE;
        assertThat(db("booking").select(sum(booking.DEFAULT_UNITS)).from(booking).fetchOne().value1())
                .isEqualByComparingTo("40000");
        assertThat(db("users").fetchCount(dev.stay.users.db.Tables.USER_PROFILE)).isEqualTo(500);
    }

    @Test
    @Order(3)
    void aSecondRunFindsItAllThere() {
        String out = seed("--size", "small");

        assertThat(out).contains("already there (catalog complete, booking complete, users complete)");
        assertThat(db("catalog").fetchCount(Tables.PROPERTY)).isEqualTo(2_000);
    }

    @Test
    @Order(4)
    void everyDatabaseHasItsPartOfHotelZero() {
        DemoWorld.Hotel hotel = small.hotels().getFirst();

        var property = db("catalog").selectFrom(Tables.PROPERTY).where(Tables.PROPERTY.ID.eq(hotel.id())).fetchOne();
        assertThat(property.getName()).isEqualTo(hotel.name());
        assertThat(property.getStars()).isEqualTo(hotel.stars());
        assertThat(property.getCity()).isEqualTo(hotel.city().name());
        assertThat(property.getLat()).isEqualTo(hotel.lat());
        assertThat(List.of(property.getAmenities())).map(Amenity::getLiteral).isEqualTo(hotel.amenities());
        assertThat(db("catalog").select(Tables.PROPERTY_PHOTO.URL).from(Tables.PROPERTY_PHOTO)
                .where(Tables.PROPERTY_PHOTO.PROPERTY_ID.eq(hotel.id())).orderBy(Tables.PROPERTY_PHOTO.POSITION).fetch(Tables.PROPERTY_PHOTO.URL))
                .isEqualTo(hotel.photos().stream().map(DemoWorld.Photo::url).toList());

        var unitType = dev.stay.booking.db.Tables.UNIT_TYPE;
        List<BigDecimal> prices = db("booking").select(unitType.BASE_PRICE).from(unitType)
                .where(unitType.PROPERTY_ID.eq(hotel.id())).fetch(unitType.BASE_PRICE);
        // booking keeps four decimals for every currency (KWD has three): compare amounts, not scales
        assertThat(prices).usingElementComparator(BigDecimal::compareTo)
                .containsExactlyInAnyOrderElementsOf(hotel.roomTypes().stream().map(DemoWorld.RoomType::basePrice).toList());
        var sale = db("booking").selectFrom(dev.stay.booking.db.Tables.PROPERTY)
                .where(dev.stay.booking.db.Tables.PROPERTY.ID.eq(hotel.id())).fetchOne();
        assertThat(sale.getOwnerId()).isEqualTo(hotel.ownerId());
        assertThat(sale.getCurrency()).isEqualTo(hotel.city().currency());

        var profile = db("users").selectFrom(dev.stay.users.db.Tables.USER_PROFILE)
                .where(dev.stay.users.db.Tables.USER_PROFILE.ID.eq(hotel.ownerId())).fetchOne();
        assertThat(profile.getDisplayName()).isEqualTo("Ana Sousa");
        assertThat(profile.getRoles()).containsExactly("owner");
    }

    @Test
    @Order(5)
    void searchsProjectionOfEveryRoomTypeEqualsWhatBookingSells() {
        long seed = System.nanoTime();
        System.out.println("projection sample seed: " + seed);
        var random = new java.util.Random(seed);
        var projected = Tables.AVAILABILITY_ROOM_TYPE;
        var sold = dev.stay.booking.db.Tables.UNIT_TYPE;
        List<java.util.UUID> sample = random.ints(200, 0, small.hotels().size())
                .mapToObj(i -> small.hotels().get(i).id()).distinct().toList();

        var inCatalog = db("catalog").select(projected.UNIT_TYPE_ID, projected.PROPERTY_ID, projected.MAX_GUESTS,
                        projected.DEFAULT_UNITS, projected.BASE_PRICE, projected.MIN_STAY, projected.MAX_STAY,
                        projected.ACTIVE, projected.VERSION)
                .from(projected).where(projected.PROPERTY_ID.in(sample)).orderBy(projected.UNIT_TYPE_ID).fetch()
                .map(r -> List.of(r.value1(), r.value2(), r.value3(), r.value4(), r.value5().stripTrailingZeros(),
                        r.value6(), String.valueOf(r.value7()), r.value8(), r.value9()));
        var inBooking = db("booking").select(sold.ID, sold.PROPERTY_ID, sold.MAX_GUESTS, sold.DEFAULT_UNITS,
                        sold.BASE_PRICE, sold.MIN_STAY, sold.MAX_STAY, sold.ACTIVE, sold.SALE_VERSION)
                .from(sold).where(sold.PROPERTY_ID.in(sample)).orderBy(sold.ID).fetch()
                .map(r -> List.of(r.value1(), r.value2(), r.value3(), r.value4(), r.value5().stripTrailingZeros(),
                        r.value6(), String.valueOf(r.value7()), r.value8(), r.value9()));

        assertThat(inCatalog).as("seed " + seed).hasSizeGreaterThan(sample.size()).isEqualTo(inBooking);
        assertThat(db("catalog").fetchCount(projected)).isEqualTo(db("booking").fetchCount(sold));
        assertThat(db("booking").fetchCount(dev.stay.booking.db.Tables.INVENTORY_NIGHT))
                .as("inventory stays sparse, so the projection has no night either")
                .isZero().isEqualTo(db("catalog").fetchCount(Tables.AVAILABILITY_NIGHT));
    }

    @Test
    @Order(6)
    void everyRestaurantIsInTheCatalogAndInBookingsCopyAtTheSameVersion() {
        List<DemoWorld.Restaurant> restaurants = small.restaurants();
        DSLContext catalog = db("catalog");
        DSLContext booking = db("booking");
        var copy = dev.stay.booking.db.Tables.RESTAURANT;
        var copiedTables = dev.stay.booking.db.Tables.RESTAURANT_TABLE;
        long tables = restaurants.stream().mapToLong(r -> r.tables().size()).sum();
        assertThat(catalog.fetchCount(Tables.RESTAURANT)).isEqualTo(400).isEqualTo(restaurants.size());
        assertThat(booking.fetchCount(copy)).isEqualTo(400);
        assertThat(catalog.fetchCount(Tables.RESTAURANT_TABLE)).isEqualTo(tables);
        assertThat(booking.fetchCount(copiedTables)).isEqualTo(tables);
        assertThat(catalog.fetchCount(Tables.RESTAURANT_SERVICE_PERIOD))
                .isEqualTo(restaurants.stream().mapToLong(r -> r.openingHours().size()).sum());
        assertThat(catalog.fetchCount(Tables.RESTAURANT_SEATING_DURATION))
                .isEqualTo(restaurants.stream().mapToLong(r -> r.seatingDurations().size()).sum());
        assertThat(catalog.fetchCount(Tables.RESTAURANT_CLOSED_DATE))
                .isEqualTo(restaurants.stream().mapToLong(r -> r.closedDates().size()).sum());
        assertThat(catalog.fetchCount(Tables.RESTAURANT, Tables.RESTAURANT.STATUS
                .eq(dev.stay.catalog.db.enums.PropertyStatus.PUBLISHED))).isEqualTo(400);
        assertThat(catalog.fetchCount(Tables.RESTAURANT, Tables.RESTAURANT.OWNER_ID.eq(DemoWorld.ownerId(0))))
                .as("the demo owner account runs some").isGreaterThanOrEqualTo(3);

        var versions = catalog.select(Tables.RESTAURANT.ID, Tables.RESTAURANT.VERSION).from(Tables.RESTAURANT).fetchMap(
                Tables.RESTAURANT.ID, Tables.RESTAURANT.VERSION);
        assertThat(booking.select(copy.ID, copy.CATALOG_VERSION).from(copy).fetchMap(copy.ID, copy.CATALOG_VERSION))
                .as("booking's copy is at the catalog's version").isEqualTo(versions);

        DemoWorld.Restaurant first = restaurants.getFirst();
        var row = booking.selectFrom(copy).where(copy.ID.eq(first.id())).fetchSingle();
        assertThat(row.getOwnerId()).isEqualTo(DemoWorld.ownerId(0)).isEqualTo(first.ownerId());
        assertThat(row.getDepositPerGuest()).isEqualByComparingTo(first.depositPerGuest());
        assertThat(booking.select(org.jooq.impl.DSL.field("jsonb_array_length({0})", Integer.class,
                copy.SERVICE_PERIODS)).from(copy).where(copy.ID.eq(first.id())).fetchSingle().value1())
                .isEqualTo(first.openingHours().size());
        assertThat(booking.select(org.jooq.impl.DSL.field("{0} -> 0 ->> 'opens'", String.class, copy.SERVICE_PERIODS),
                        org.jooq.impl.DSL.field("{0} -> 0 ->> 'weekday'", Integer.class, copy.SERVICE_PERIODS))
                .from(copy).where(copy.ID.eq(first.id())).fetchSingle())
                .as("periods as booking's consumer reads them: ISO weekday, HH:MM")
                .satisfies(r -> assertThat(r.value1()).isEqualTo(first.openingHours().getFirst().opens().toString())
                        .matches("\\d\\d:\\d\\d"))
                .satisfies(r -> assertThat(r.value2()).isEqualTo(first.openingHours().getFirst().weekday()));
        var stored = catalog.selectFrom(Tables.RESTAURANT).where(Tables.RESTAURANT.ID.eq(first.id())).fetchSingle();
        assertThat(stored.getName()).isEqualTo(first.name());
        assertThat(stored.getCity()).isEqualTo("Lisbon");
        assertThat(catalog.select(Tables.RESTAURANT_TABLE.LABEL).from(Tables.RESTAURANT_TABLE)
                .where(Tables.RESTAURANT_TABLE.RESTAURANT_ID.eq(first.id())).fetch(Tables.RESTAURANT_TABLE.LABEL))
                .containsExactlyInAnyOrderElementsOf(first.tables().stream().map(DemoWorld.Table::label).toList());
    }

    private static String seed(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.addAll(List.of("--progress", "lines"));
        for (String database : SeedOptions.DATABASES) {
            arguments.addAll(List.of("--" + database + "-db", postgres.jdbcUrl(database)));
        }
        int exit = Seed.run(arguments, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(out).isZero();
        return out;
    }

    private static DSLContext db(String database) {
        return databases.get(database);
    }
}
