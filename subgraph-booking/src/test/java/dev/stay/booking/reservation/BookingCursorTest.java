package dev.stay.booking.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stay.common.graphql.BadUserInput;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BookingCursorTest {

    @Test
    void aCursorReadsBackAsTheKeyItWasMadeFrom() {
        var cursor = new BookingCursor(LocalDate.of(2027, 3, 10), UUID.randomUUID());

        assertThat(BookingCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(BookingCursor.decode(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nope", "%%%", "YjE6MjAyNy0wMi0zMDp4", "b1:2027-03-10:" })
    void aCursorNoPageGaveOutIsBadUserInput(String after) {
        assertThatThrownBy(() -> BookingCursor.decode(after)).isInstanceOf(BadUserInput.class)
                .satisfies(e -> assertThat(((BadUserInput) e).reason()).isEqualTo("INVALID_CURSOR"));
    }

    @Test
    void aCursorWithAnImpossibleDayIsBadUserInput() {
        String after = Base64.getUrlEncoder().encodeToString(
                ("b1:2027-02-30:" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> BookingCursor.decode(after)).isInstanceOf(BadUserInput.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101, Integer.MIN_VALUE})
    void firstOutsideOneToAHundredIsBadUserInput(int first) {
        assertThatThrownBy(() -> BookingCursor.first(first)).isInstanceOf(BadUserInput.class)
                .satisfies(e -> assertThat(((BadUserInput) e).field()).isEqualTo("first"));
    }

    @Test
    void firstFromOneToAHundredIsKept() {
        assertThat(BookingCursor.first(1)).isEqualTo(1);
        assertThat(BookingCursor.first(100)).isEqualTo(100);
    }
}
