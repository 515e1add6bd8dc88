package dev.stay.catalog.property;

import static dev.stay.catalog.db.Tables.MISSED_INVALIDATION;
import static dev.stay.catalog.db.Tables.PROPERTY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.catalog.db.enums.PropertyStatus;
import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
import dev.stay.common.test.SubgraphTestSupport.StatementCounter;
import dev.stay.devstack.engines.Engines;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebGraphQlTester;
import redis.clients.jedis.Jedis;

/** The property page's cache, against the real Redis: fast when warm, never stale, never foreign, never required. */
@SubgraphTest
class HotelCacheIT {

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired StatementCounter statements;
    @Autowired HotelCache cache;
    @Autowired HotelRepository repository;
    @Autowired MissedInvalidations missed;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(db);
    }

    @AfterEach
    void signOutAndRestoreRedis() {
        SignedIn.nobody();
        Engines.shared().redis().start();
        cache.breaker().transitionToClosedState(); // rather than wait for it to try Redis again
    }

    @Test
    void aSecondReadOfAPageRunsNoSql() {
        // pages cached just after a missed invalidation (another test's) are checked once; not what this is about
        await().atMost(Duration.ofSeconds(5)).until(() -> missed.now() > missed.distrustLoadedBefore());
        UUID id = fixtures.aPublishedHotelInLisbon().id();
        name(id);
        statements.reset();

        assertThat(name(id)).isEqualTo("Casa do Rio");
        assertThat(statements.reset()).isZero();
    }

    @Test
    void aChangeIsSeenOnTheNextRead() {
        Fixtures.AHotel hotel = fixtures.aPublishedHotelInLisbon();
        String id = hotel.id().toString();
        name(hotel.id());
        SignedIn.as(hotel.ownerId(), "owner");

        graphQl.document("mutation { updateHotel(id: \"" + id + "\", version: 1, input: {name: \"Casa do Rio Novo\"}) "
                + "{ errors { code } } }").execute().path("updateHotel.errors").entityList(Object.class).hasSize(0);
        SignedIn.nobody();

        assertThat(name(hotel.id())).isEqualTo("Casa do Rio Novo");
    }

    @Test
    void aSlowReaderCannotPutAnOlderVersionBack() {
        UUID id = fixtures.aPublishedHotelInLisbon().id();
        long loadedAt = System.currentTimeMillis();
        Hotel version1 = repository.findAll(List.of(id)).getFirst();
        // the change: tombstone for version 2, then the row
        cache.invalidate(id, 2);
        db.update(PROPERTY).set(PROPERTY.NAME, "Renamed").set(PROPERTY.VERSION, 2).where(PROPERTY.ID.eq(id)).execute();

        cache.putAll(List.of(version1), loadedAt); // a reader that loaded version 1 before the change, arriving late

        assertThat(name(id)).isEqualTo("Renamed");
        cache.putAll(List.of(version1), loadedAt);
        assertThat(name(id)).as("and not after version 2 was cached either").isEqualTo("Renamed");
    }

    @Test
    void aCachedDraftIsStillOnlyShownToItsOwner() {
        Fixtures.AHotel draft = fixtures.aDraftHotel();
        SignedIn.as(draft.ownerId(), "owner");
        assertThat(name(draft.id())).isEqualTo("Casa do Rio");
        assertThat(cache.getAll(List.of(draft.id()))).containsKey(draft.id());

        SignedIn.as(UUID.randomUUID(), "guest");
        graphQl.document("{ hotel(id: \"" + draft.id() + "\") { name } }").execute().path("hotel").valueIsNull();
        assertThat(db.fetchValue(PROPERTY.STATUS, PROPERTY.ID.eq(draft.id()))).isEqualTo(PropertyStatus.DRAFT);
    }

    @Test
    void withRedisStoppedPagesAreStillAnsweredFromPostgres() {
        UUID cached = fixtures.aPublishedHotelInLisbon().id();
        name(cached);
        UUID uncached = fixtures.aPublishedHotelInLisbon().id();

        Engines.shared().redis().stop();

        assertThat(name(cached)).isEqualTo("Casa do Rio");
        assertThat(cache.getAll(List.of(cached))).as("Redis is really gone").isEmpty();
        assertThat(name(uncached)).isEqualTo("Casa do Rio");
        graphQl.document("query ($r: [_Any!]!) { _entities(representations: $r) { ... on Hotel { name } } }")
                .variable("r", List.of(Map.of("__typename", "Hotel", "id", uncached.toString()))).execute()
                .path("_entities[0].name").entity(String.class).isEqualTo("Casa do Rio");
    }

    @Test
    void anUnpublishWhileRedisIsDownDoesNotComeBackPublicWithRedis() {
        Fixtures.AHotel hotel = fixtures.aPublishedHotelInLisbon();
        assertThat(name(hotel.id())).isEqualTo("Casa do Rio");
        try (Jedis redis = redis()) {
            redis.save(); // so that it comes back with the page it had, as after a network blip
        }
        Engines.shared().redis().stop();

        unpublish(hotel);

        Engines.shared().redis().start();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(cache.getAll(List.of(hotel.id())))
                .as("Redis is back with the published page of version 1")
                .hasEntrySatisfying(hotel.id(), entry -> assertThat(entry.hotel().status()).isEqualTo(PropertyStatus.PUBLISHED)));
        graphQl.document("{ hotel(id: \"" + hotel.id() + "\") { name } }").execute().path("hotel").valueIsNull();
        SignedIn.as(hotel.ownerId(), "owner");
        graphQl.document("{ hotel(id: \"" + hotel.id() + "\") { status version } }").execute()
                .path("hotel.status").entity(String.class).isEqualTo("DRAFT");
        try (Jedis redis = redis()) {
            redis.save(); // later restarts come back without the old page
        }
    }

    @Test
    void anUnpublishWhileTheBreakerIsOpenLeavesNoPublicPageBehind() {
        Fixtures.AHotel hotel = fixtures.aPublishedHotelInLisbon();
        assertThat(name(hotel.id())).isEqualTo("Casa do Rio");
        cache.breaker().transitionToForcedOpenState(); // Redis was failing a moment ago; it is fine again

        unpublish(hotel);

        cache.breaker().transitionToClosedState();
        assertThat(cache.getAll(List.of(hotel.id()))).as("the published page is still in Redis").containsKey(hotel.id());
        graphQl.document("{ hotel(id: \"" + hotel.id() + "\") { name } }").execute().path("hotel").valueIsNull();
        assertThat(cache.getAll(List.of(hotel.id())).get(hotel.id()).hotel().status())
                .as("and the page is cached anew").isEqualTo(PropertyStatus.DRAFT);
    }

    @Test
    void aSuspectPageFoundCurrentIsCheckedOnceNotOnEveryRead() {
        UUID id = fixtures.aPublishedHotelInLisbon().id();
        name(id);
        await().atMost(Duration.ofSeconds(5)).until(() -> missed.now() > missed.distrustLoadedBefore());
        UUID other = fixtures.aPublishedHotelInLisbon().id();
        missed.record(other, 2); // a miss elsewhere: every page cached until now is suspect
        await().atMost(Duration.ofSeconds(5)).until(() -> missed.now() > missed.distrustLoadedBefore());
        statements.reset();

        assertThat(name(id)).isEqualTo("Casa do Rio");
        assertThat(statements.reset()).as("checked against its version").isEqualTo(1);
        assertThat(name(id)).isEqualTo("Casa do Rio");
        assertThat(statements.reset()).as("and trusted from then on").isZero();
    }

    @Test
    void anotherInstancesMissedInvalidationIsHonouredOnceSeen() {
        UUID id = fixtures.aPublishedHotelInLisbon().id();
        assertThat(name(id)).isEqualTo("Casa do Rio");
        // another instance's change whose tombstone Redis did not take: the row and the miss, nothing in Redis
        db.update(PROPERTY).set(PROPERTY.NAME, "Renamed elsewhere").set(PROPERTY.VERSION, 2).where(PROPERTY.ID.eq(id))
                .execute();
        db.insertInto(MISSED_INVALIDATION).set(MISSED_INVALIDATION.PROPERTY_ID, id).set(MISSED_INVALIDATION.VERSION, 2)
                .execute();

        missed.poll(); // what this instance's poller does every stay.cache.missed-poll

        assertThat(name(id)).isEqualTo("Renamed elsewhere");
    }

    private void unpublish(Fixtures.AHotel hotel) {
        SignedIn.as(hotel.ownerId(), "owner");
        graphQl.document("mutation { unpublishHotel(id: \"" + hotel.id() + "\", version: 1) { errors { code } } }")
                .execute().path("unpublishHotel.errors").entityList(Object.class).hasSize(0);
        SignedIn.nobody();
    }

    private static Jedis redis() {
        return new Jedis(Engines.shared().redis().host(), Engines.shared().redis().port());
    }

    private String name(UUID id) {
        return graphQl.document("{ hotel(id: \"" + id + "\") { name } }").execute()
                .path("hotel.name").entity(String.class).get();
    }
}
