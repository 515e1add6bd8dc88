package dev.stay.catalog.property;

import static dev.stay.catalog.db.Tables.PROPERTY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.catalog.db.enums.PropertyStatus;
import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
import dev.stay.common.test.SubgraphTestSupport.StatementCounter;
import dev.stay.devstack.engines.Engines;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebGraphQlTester;

/** The property page's cache, against the real Redis: fast when warm, never stale, never foreign, never required. */
@SubgraphTest
class HotelCacheIT {

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired StatementCounter statements;
    @Autowired HotelCache cache;
    @Autowired HotelRepository repository;
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
        Hotel version1 = repository.findAll(List.of(id)).getFirst();
        // the change: tombstone for version 2, then the row
        cache.invalidate(id, 2);
        db.update(PROPERTY).set(PROPERTY.NAME, "Renamed").set(PROPERTY.VERSION, 2).where(PROPERTY.ID.eq(id)).execute();

        cache.putAll(List.of(version1)); // a reader that loaded version 1 before the change, arriving late

        assertThat(name(id)).isEqualTo("Renamed");
        cache.putAll(List.of(version1));
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

    private String name(UUID id) {
        return graphQl.document("{ hotel(id: \"" + id + "\") { name } }").execute()
                .path("hotel.name").entity(String.class).get();
    }
}
