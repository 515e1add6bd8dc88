package dev.stay.booking.dining;

import dev.stay.codegen.booking.types.ChangeReservationInput;
import dev.stay.codegen.booking.types.ReservationRejectionCode;
import dev.stay.common.graphql.Validated;
import dev.stay.common.graphql.Validation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;

/** A {@code changeReservation} input once its form is checked: null for what stays as it is. */
record ChangeRequest(LocalDate date, LocalTime time, Integer partySize, BigDecimal quotedAmount, String quotedCurrency,
                     String paymentToken) {

    static Validated<ChangeRequest, ReservationRejectionCode> of(ChangeReservationInput in) {
        var v = new Validation<ReservationRejectionCode>();
        if (in.getDate() == null && in.getTime() == null && in.getPartySize() == null) {
            return Validated.refused("input", ReservationRejectionCode.NOTHING_TO_CHANGE,
                    "name a new date, time or party size");
        }
        var time = in.getTime() == null ? java.util.Optional.<LocalTime>empty() : TableRequest.time(in.getTime());
        v.check(in.getTime() != null && time.isEmpty(), "time", ReservationRejectionCode.INVALID_TIME,
                "time must be HH:MM, 00:00 to 23:59");
        if (in.getPartySize() != null) {
            TableRequest.partySize("partySize", in.getPartySize()).ifPresent(w ->
                    v.refuse(w.field(), ReservationRejectionCode.PARTY_SIZE_OUT_OF_RANGE, w.message()));
        }
        BigDecimal amount = null;
        String currency = null;
        if (in.getQuotedDeposit() != null) {
            amount = ReserveRequest.amount(in.getQuotedDeposit().getAmount());
            currency = in.getQuotedDeposit().getCurrency();
            v.check(amount == null || currency == null || !currency.matches("[A-Z]{3}"), "quotedDeposit",
                    ReservationRejectionCode.INVALID_AMOUNT, "quotedDeposit must be a decimal amount in ISO 4217");
        } else {
            v.check(in.getPartySize() != null, "quotedDeposit", ReservationRejectionCode.INVALID_AMOUNT,
                    "quotedDeposit is required with partySize");
        }
        v.text("paymentToken", in.getPaymentToken(), false, ReserveRequest.MAX_TOKEN,
                ReservationRejectionCode.INVALID_PAYMENT_TOKEN, ReservationRejectionCode.INVALID_PAYMENT_TOKEN,
                ReservationRejectionCode.INVALID_PAYMENT_TOKEN);
        BigDecimal quoted = amount;
        String quotedCurrency = currency;
        return v.then(() -> new ChangeRequest(in.getDate(), time.orElse(null), in.getPartySize(), quoted,
                quotedCurrency, in.getPaymentToken() == null || in.getPaymentToken().isBlank() ? null
                        : in.getPaymentToken().strip()));
    }

    static String hash(java.util.UUID id, ChangeReservationInput in) {
        return ReserveRequest.hash("changeReservation", Arrays.asList(id, in.getDate(), in.getTime(),
                in.getPartySize(), in.getQuotedDeposit() == null ? null : in.getQuotedDeposit().getAmount(),
                in.getQuotedDeposit() == null ? null : in.getQuotedDeposit().getCurrency(), in.getPaymentToken()));
    }
}
