package dev.stay.booking.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stay.common.graphql.BadUserInput;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StayRequestTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @ParameterizedTest(name = "{0} to {1}, {2} guests in {3} rooms: {5} on {4}")
    @CsvSource({
            "2026-12-01, 2026-12-01, 2, 1, checkOut, CHECK_OUT_NOT_AFTER_CHECK_IN",
            "2026-12-03, 2026-12-01, 2, 1, checkOut, CHECK_OUT_NOT_AFTER_CHECK_IN",
            "2026-11-21, 2026-11-23, 2, 1, checkIn,  CHECK_IN_IN_PAST",
            "2028-06-01, 2028-06-02, 2, 1, checkIn,  CHECK_IN_TOO_FAR",
            "2026-12-01, 2027-01-01, 2, 1, checkOut, STAY_TOO_LONG",
            "2026-12-01, 2026-12-02, 2, 0, rooms,    ROOMS_OUT_OF_RANGE",
            "2026-12-01, 2026-12-02, 12, 10, rooms,  ROOMS_OUT_OF_RANGE",
            "2026-12-01, 2026-12-02, 0, 1, guests,   GUESTS_OUT_OF_RANGE",
            "2026-12-01, 2026-12-02, 1, 2, guests,   GUESTS_OUT_OF_RANGE",
            "2026-12-01, 2026-12-02, 37, 9, guests,  GUESTS_OUT_OF_RANGE"})
    void aStayThatBreaksARuleIsRefusedNamingTheFieldAndReason(LocalDate checkIn, LocalDate checkOut, int guests,
                                                             int rooms, String field, String reason) {
        assertThatThrownBy(() -> StayRequest.of(checkIn, checkOut, guests, rooms, TODAY))
                .isInstanceOfSatisfying(BadUserInput.class, bad -> {
                    assertThat(bad.field()).isEqualTo(field);
                    assertThat(bad.reason()).isEqualTo(reason);
                });
    }

    @Test
    void aStayMayStartTodayAndLastThirtyNights() {
        StayRequest stay = StayRequest.of(TODAY, TODAY.plusDays(30), 3, 2, TODAY);

        assertThat(stay.nights()).hasSize(30).startsWith(TODAY).endsWith(TODAY.plusDays(29));
        assertThat(stay.guestsPerRoom()).isEqualTo(2);
    }
}
