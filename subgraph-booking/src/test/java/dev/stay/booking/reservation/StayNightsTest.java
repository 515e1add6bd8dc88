package dev.stay.booking.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StayNightsTest {

    static final LocalDate D = LocalDate.of(2027, 3, 1);

    static StayNights nights(int from, int to) {
        return new StayNights(D.plusDays(from), D.plusDays(to));
    }

    @Test
    void staysThatDoNotMeetKeepAllTheirNights() {
        assertThat(nights(0, 2).without(nights(5, 7))).containsExactly(nights(0, 2));
        assertThat(nights(5, 7).without(nights(0, 2))).containsExactly(nights(5, 7));
        assertThat(nights(0, 2).without(nights(2, 4))).as("check-out on the other's check-in").containsExactly(nights(0, 2));
    }

    @Test
    void aShiftByOneNightGivesBackOneNightAtOneEnd() {
        assertThat(nights(0, 2).without(nights(1, 3))).containsExactly(nights(0, 1));
        assertThat(nights(1, 3).without(nights(0, 2))).containsExactly(nights(2, 3));
    }

    @Test
    void aShorterStayInsideALongerOneLeavesItsTwoEnds() {
        assertThat(nights(0, 5).without(nights(2, 3))).containsExactly(nights(0, 2), nights(3, 5));
        assertThat(nights(2, 3).without(nights(0, 5))).isEmpty();
        assertThat(nights(0, 3).without(nights(0, 3))).isEmpty();
    }

    @Test
    void aStayHasAtLeastOneNight() {
        assertThatThrownBy(() -> nights(2, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRefundsPauseDoublesFromTheFirstUpToTheLongest() {
        Duration first = Duration.ofMinutes(1);
        Duration max = Duration.ofHours(6);
        assertThat(List.of(1, 2, 3, 4, 9, 10, 1_000).stream().map(n -> Refunds.pauseAfter(n, first, max)))
                .containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                        Duration.ofMinutes(8), Duration.ofMinutes(256), Duration.ofHours(6), Duration.ofHours(6));
    }
}
