package dev.stay.catalog.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StayRulesTest {

    static final LocalDate IN = LocalDate.of(2027, 3, 1);

    @ParameterizedTest(name = "{0} nights, {1} guests, {2} rooms: {3}")
    @CsvSource({
            "1, 1, 1, true", "30, 2, 1, true", "31, 2, 1, false", "0, 2, 1, false", "-1, 2, 1, false",
            "2, 9, 9, true", "2, 10, 10, false", "2, 1, 2, false", "2, 36, 9, true", "2, 37, 9, false",
            "2, 0, 0, false", "2, -3, 1, false", "2, 2147483647, 1, false"})
    void answersTheStaysBookingsAvailabilityAnswers(int nights, int guests, int rooms, boolean answerable) {
        assertThat(StayRules.answerable(new StayQuery(IN, IN.plusDays(nights), guests, rooms))).isEqualTo(answerable);
    }

    @Test
    void aStayWithoutDatesIsNotAnswered() {
        assertThat(StayRules.answerable(new StayQuery(null, IN, 1, 1))).isFalse();
        assertThat(StayRules.answerable(new StayQuery(IN, null, 1, 1))).isFalse();
    }

    @ParameterizedTest(name = "{0} guests in {1} rooms: {2} a room")
    @CsvSource({"1, 1, 1", "2, 1, 2", "3, 2, 2", "4, 2, 2", "5, 2, 3", "36, 9, 4"})
    void eachRoomSleepsItsShareRoundedUp(int guests, int rooms, int perRoom) {
        assertThat(StayRules.guestsPerRoom(new StayQuery(IN, IN.plusDays(1), guests, rooms))).isEqualTo(perRoom);
    }
}
