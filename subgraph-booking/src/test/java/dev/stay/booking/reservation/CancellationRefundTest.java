package dev.stay.booking.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CancellationRefundTest {

    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    static final BigDecimal TOTAL = new BigDecimal("200.00");

    /** Free until 24 hours before a 15:00 check-in, as availability computes it: real hours on the property's clock. */
    static OffsetDateTime freeUntil(LocalDate checkIn, int hours) {
        return checkIn.atTime(LocalTime.of(15, 0)).atZone(LISBON).minusHours(hours).toOffsetDateTime();
    }

    static CancellationRefund guestCancels(Clock clock, boolean refundable, OffsetDateTime freeUntil, int penalty) {
        return CancellationRefund.at(clock.instant(), TOTAL, TOTAL, "EUR", refundable, freeUntil, penalty, true);
    }

    static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void aGuestCancellingBeforeTheDeadlineGetsEverythingBack() {
        var refund = guestCancels(at("2027-06-09T13:59:59Z"), true, freeUntil(LocalDate.of(2027, 6, 10), 24), 30);

        assertThat(refund.refund()).isEqualByComparingTo("200.00");
        assertThat(refund.penalty()).isEqualByComparingTo("0");
    }

    @Test
    void aGuestCancellingAtOrAfterTheDeadlinePaysThePenalty() {
        // 2027-06-10 15:00 in Lisbon (summer time, +01:00) is 14:00Z; 24 hours before is 2027-06-09T14:00Z
        var refund = guestCancels(at("2027-06-09T14:00:00Z"), true, freeUntil(LocalDate.of(2027, 6, 10), 24), 30);

        assertThat(refund.refund()).isEqualByComparingTo("140.00");
        assertThat(refund.penalty()).isEqualByComparingTo("60.00");
        assertThat(refund.penaltyPercent()).isEqualTo(30);
    }

    @Test
    void aNonRefundableRateGivesNothingBackToItsGuest() {
        var refund = guestCancels(at("2027-01-01T00:00:00Z"), false, null, 100);

        assertThat(refund.refund()).isEqualByComparingTo("0");
        assertThat(refund.penalty()).isEqualByComparingTo("200.00");
        assertThat(refund.freeUntil()).isNull();
    }

    @Test
    void theHotelCancellingRefundsInFullWhateverThePolicy() {
        var refund = CancellationRefund.at(Instant.parse("2027-06-10T10:00:00Z"), TOTAL, TOTAL, "EUR", false, null,
                100, false);

        assertThat(refund.refund()).isEqualByComparingTo("200.00");
    }

    /**
     * Arrival on the day clocks go forward (2027-03-28, 01:00 WET becomes 02:00 WEST) and on the day they go back
     * (2027-10-31): 24 hours before a 15:00 check-in are 24 real hours, so on the spring day the deadline reads 14:00
     * on the local clock the day before, and 16:00 on the autumn day.
     */
    @ParameterizedTest
    @CsvSource({
            "2027-03-28, 2027-03-27T14:00:00Z",
            "2027-10-31, 2027-10-30T15:00:00Z"})
    void theDeadlineIsCountedInRealHoursAcrossAClockChange(LocalDate checkIn, Instant deadline) {
        OffsetDateTime until = freeUntil(checkIn, 24);
        assertThat(until.toInstant()).isEqualTo(deadline);

        Clock justBefore = Clock.offset(Clock.fixed(deadline, ZoneOffset.UTC), java.time.Duration.ofSeconds(-1));
        assertThat(guestCancels(justBefore, true, until, 50).refund()).isEqualByComparingTo("200.00");
        assertThat(guestCancels(Clock.fixed(deadline, ZoneOffset.UTC), true, until, 50).refund())
                .isEqualByComparingTo("100.00");
    }

    @Test
    void thePenaltyIsRoundedToTheCurrencysOwnDecimals() {
        var yen = CancellationRefund.at(Instant.parse("2027-06-10T00:00:00Z"), new BigDecimal("1001"),
                new BigDecimal("1001"), "JPY", true, OffsetDateTime.parse("2027-06-01T00:00:00Z"), 15, true);
        var dinar = CancellationRefund.at(Instant.parse("2027-06-10T00:00:00Z"), new BigDecimal("10.005"),
                new BigDecimal("10.005"), "KWD", true, OffsetDateTime.parse("2027-06-01T00:00:00Z"), 33, true);

        assertThat(yen.penalty()).isEqualByComparingTo("150");
        assertThat(yen.refund()).isEqualByComparingTo("851");
        assertThat(dinar.penalty().scale()).isEqualTo(3);
        assertThat(dinar.refund().add(dinar.penalty())).isEqualByComparingTo("10.005");
    }

    @Test
    void whatWasAlreadyGivenBackIsNotRefundedAgain() {
        var refund = CancellationRefund.at(Instant.parse("2027-06-10T00:00:00Z"), TOTAL, new BigDecimal("50.00"),
                "EUR", true, OffsetDateTime.parse("2027-06-01T00:00:00Z"), 100, true);

        assertThat(refund.refund()).isEqualByComparingTo("0");
        assertThat(refund.penalty()).isEqualByComparingTo("50.00");
    }
}
