package dev.stay.booking.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.booking.inventory.NoShowPenalty;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NoShowFeeTest {

    @Test
    void theLateCancellationShareIsKeptAndTheRestOfWhatWasPaidRefunded() {
        var fee = NoShowFee.of(new BigDecimal("200.00"), new BigDecimal("200.00"), "EUR", 25);

        assertThat(fee.fee()).isEqualByComparingTo("50.00");
        assertThat(fee.refund()).isEqualByComparingTo("150.00");
    }

    @Test
    void aNonRefundableRateKeepsEverythingWhateverItsPenaltyWas() {
        int percent = NoShowPenalty.percent(false, 0);
        var fee = NoShowFee.of(new BigDecimal("200.00"), new BigDecimal("200.00"), "EUR", percent);

        assertThat(percent).isEqualTo(100);
        assertThat(fee.fee()).isEqualByComparingTo("200.00");
        assertThat(fee.refund()).isEqualByComparingTo("0");
    }

    @Test
    void theFeeIsNeverMoreThanWasPaid() {
        var fee = NoShowFee.of(new BigDecimal("200.00"), new BigDecimal("120.00"), "EUR", 100);

        assertThat(fee.fee()).isEqualByComparingTo("120.00");
        assertThat(fee.refund()).isEqualByComparingTo("0");
    }

    @Test
    void theFeeIsRoundedToTheCurrencysDecimalsAndFeePlusRefundIsWhatWasPaid() {
        var yen = NoShowFee.of(new BigDecimal("10001"), new BigDecimal("10001"), "JPY", 33);
        var dinar = NoShowFee.of(new BigDecimal("100.005"), new BigDecimal("100.005"), "KWD", 33);

        assertThat(yen.fee()).isEqualByComparingTo("3300");
        assertThat(yen.fee().add(yen.refund())).isEqualByComparingTo("10001");
        assertThat(dinar.fee().scale()).isEqualTo(3);
        assertThat(dinar.fee().add(dinar.refund())).isEqualByComparingTo("100.005");
    }

    @Test
    void aRefundableRateWithoutPenaltyCostsNothing() {
        var fee = NoShowFee.of(new BigDecimal("200.00"), new BigDecimal("200.00"), "EUR",
                NoShowPenalty.percent(true, 0));

        assertThat(fee.fee()).isEqualByComparingTo("0");
        assertThat(fee.refund()).isEqualByComparingTo("200.00");
    }
}
