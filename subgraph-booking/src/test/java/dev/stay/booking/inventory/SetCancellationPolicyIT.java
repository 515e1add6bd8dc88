package dev.stay.booking.inventory;

import static dev.stay.booking.db.Tables.UNIT_TYPE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.booking.db.tables.records.PropertyRecord;
import dev.stay.booking.db.tables.records.UnitTypeRecord;
import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

@SubgraphTest
class SetCancellationPolicyIT {

    static final String SET = """
            mutation ($input: SetCancellationPolicyInput!) {
              setCancellationPolicy(input: $input) { roomType { id } errors { field code message } }
            }""";

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;

    UUID owner = UUID.randomUUID();
    UUID hotel = UUID.randomUUID();
    UUID roomType = UUID.randomUUID();

    /** A room type free to cancel until 24 hours before check-in, then the whole total kept (the defaults). */
    @BeforeEach
    void anOwnersRoomTypeOnTheDefaultPolicy() {
        db.batchInsert(
                new PropertyRecord().setId(hotel).setOwnerId(owner).setStatus("PUBLISHED").setTimeZone("Europe/Paris")
                        .setCurrency("EUR"),
                new UnitTypeRecord().setId(roomType).setPropertyId(hotel).setMaxGuests(2).setDefaultUnits(5)
                        .setBasePrice(new BigDecimal("90.00")))
                .execute();
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void theOwnerSetsFreeCancellationHoursAndAPenalty() {
        SignedIn.as(owner, "owner");

        var result = set(policy(true, 72, 30));

        result.path("setCancellationPolicy.errors").entityList(Object.class).hasSize(0);
        result.path("setCancellationPolicy.roomType.id").entity(String.class).isEqualTo(roomType.toString());
        assertThat(stored()).isEqualTo(new Policy(true, 72, 30));
    }

    @Test
    void aNonRefundableRateKeepsTheWholeTotalWhateverWasSetBefore() {
        SignedIn.as(owner, "owner");
        set(policy(true, 72, 30));

        set(policy(false, null, null)).path("setCancellationPolicy.errors").entityList(Object.class).hasSize(0);

        assertThat(stored()).isEqualTo(new Policy(false, 0, 100));
    }

    @Test
    void anAdminMaySetAnyRoomTypesPolicy() {
        SignedIn.as(UUID.randomUUID(), "admin");

        set(policy(true, 0, 10)).path("setCancellationPolicy.errors").entityList(Object.class).hasSize(0);
        assertThat(stored()).isEqualTo(new Policy(true, 0, 10));
    }

    @Test
    void anotherOwnerAGuestOrAnOwnerWithoutTheRoleIsForbiddenAndNothingChanges() {
        SignedIn.as(UUID.randomUUID(), "owner");
        set(policy(false, null, null)).path("setCancellationPolicy.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
        SignedIn.as(owner, "guest");
        set(policy(false, null, null)).path("setCancellationPolicy.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN")
                .path("setCancellationPolicy.roomType").valueIsNull();

        assertThat(stored()).isEqualTo(new Policy(true, 24, 100));
    }

    @Test
    void nobodySignedInIsAskedToSignIn() {
        set(policy(false, null, null)).path("setCancellationPolicy.errors[0].code").entity(String.class)
                .isEqualTo("UNAUTHENTICATED");
        assertThat(stored()).isEqualTo(new Policy(true, 24, 100));
    }

    @Test
    void aRemovedOrUnknownRoomTypeIsNamed() {
        SignedIn.as(owner, "owner");
        Map<String, Object> unknown = policy(false, null, null);
        unknown.put("roomTypeId", UUID.randomUUID().toString());
        set(unknown).path("setCancellationPolicy.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");

        db.update(UNIT_TYPE).set(UNIT_TYPE.ACTIVE, false).where(UNIT_TYPE.ID.eq(roomType)).execute();
        set(policy(false, null, null)).path("setCancellationPolicy.errors[0].code").entity(String.class)
                .isEqualTo("ROOM_TYPE_REMOVED");
        assertThat(stored()).isEqualTo(new Policy(true, 24, 100));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", value = {
            "refundable without hours,       true,  null, 50,   CANCELLATION_TERMS_MISSING,        freeCancellationHours",
            "refundable without penalty,     true,  24,   null, CANCELLATION_TERMS_MISSING,        penaltyPercent",
            "negative hours,                 true,  -1,   50,   CANCELLATION_HOURS_OUT_OF_RANGE,   freeCancellationHours",
            "over a year of hours,           true,  8761, 50,   CANCELLATION_HOURS_OUT_OF_RANGE,   freeCancellationHours",
            "negative penalty,               true,  24,   -1,   PENALTY_OUT_OF_RANGE,              penaltyPercent",
            "over a hundred percent,         true,  24,   101,  PENALTY_OUT_OF_RANGE,              penaltyPercent",
            "non-refundable with hours,      false, 24,   null, CANCELLATION_TERMS_NOT_REFUNDABLE, freeCancellationHours",
            "non-refundable with a penalty,  false, null, 50,   CANCELLATION_TERMS_NOT_REFUNDABLE, penaltyPercent"})
    void anInvalidPolicyIsRefusedWithACodeAndChangesNothing(String why, boolean refundable, Integer hours,
                                                            Integer penalty, String code, String field) {
        SignedIn.as(owner, "owner");

        var result = set(policy(refundable, hours, penalty));

        result.path("setCancellationPolicy.errors[0].code").entity(String.class).isEqualTo(code);
        result.path("setCancellationPolicy.errors[0].field").entity(String.class).isEqualTo(field);
        result.path("setCancellationPolicy.roomType").valueIsNull();
        assertThat(stored()).isEqualTo(new Policy(true, 24, 100));
    }

    record Policy(boolean refundable, int freeCancellationHours, int penaltyPercent) {}

    private Policy stored() {
        return db.select(UNIT_TYPE.REFUNDABLE, UNIT_TYPE.FREE_CANCELLATION_HOURS, UNIT_TYPE.PENALTY_PERCENT)
                .from(UNIT_TYPE).where(UNIT_TYPE.ID.eq(roomType))
                .fetchSingle(org.jooq.Records.mapping(Policy::new));
    }

    private Map<String, Object> policy(boolean refundable, Integer hours, Integer penalty) {
        Map<String, Object> input = new HashMap<>();
        input.put("roomTypeId", roomType.toString());
        input.put("refundable", refundable);
        input.put("freeCancellationHours", hours);
        input.put("penaltyPercent", penalty);
        return input;
    }

    private GraphQlTester.Response set(Map<String, Object> input) {
        return graphQl.document(SET).variable("input", input).execute();
    }
}
