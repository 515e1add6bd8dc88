package dev.stay.booking.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.codegen.booking.types.BookingRejectionCode;
import dev.stay.codegen.booking.types.CreateBookingInput;
import dev.stay.codegen.booking.types.MoneyInput;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BookingRequestTest {

    @Test
    void aWellFormedInputIsARequestAndItsHashNamesEveryField() {
        CreateBookingInput input = input();

        assertThat(BookingRequest.of(input).ok()).isTrue();
        String hash = BookingRequest.hash(input);
        assertThat(BookingRequest.hash(input())).isEqualTo(hash);
        CreateBookingInput otherNote = input();
        otherNote.setNote("late arrival");
        assertThat(BookingRequest.hash(otherNote)).isNotEqualTo(hash);
        CreateBookingInput otherToken = input();
        otherToken.setPaymentToken("tok_other");
        assertThat(BookingRequest.hash(otherToken)).isNotEqualTo(hash);
    }

    @ParameterizedTest(name = "{0}={1}: {2}")
    @CsvSource({
            "hotelId,      hotel-1,   INVALID_ID",
            "amount,       12.3.4,    INVALID_AMOUNT",
            "amount,       -5,        INVALID_AMOUNT",
            "currency,     eur,       INVALID_AMOUNT",
            "token,        ' ',       INVALID_PAYMENT_TOKEN",
            "note,         a\u0000b,  INVALID_CHARACTERS",
            "note,         LONG,      TEXT_TOO_LONG"})
    void aMalformedFieldIsRefusedWithItsCode(String field, String value, BookingRejectionCode code) {
        CreateBookingInput input = input();
        switch (field) {
            case "hotelId" -> input.setHotelId(value);
            case "amount" -> input.setQuotedTotal(MoneyInput.newBuilder().amount(value).currency("EUR").build());
            case "currency" -> input.setQuotedTotal(MoneyInput.newBuilder().amount("1.00").currency(value).build());
            case "token" -> input.setPaymentToken(value);
            default -> input.setNote(value.equals("LONG") ? "x".repeat(501) : value);
        }

        assertThat(BookingRequest.of(input).errors()).extracting(e -> e.code()).containsExactly(code);
    }

    @Test
    void idempotencyKeysArePrintableAndShort() {
        assertThat(BookingRequest.validKey("checkout-7f3a")).isTrue();
        assertThat(BookingRequest.validKey("")).isFalse();
        assertThat(BookingRequest.validKey("a\u001bb")).isFalse();
        assertThat(BookingRequest.validKey("k".repeat(129))).isFalse();
    }

    private static CreateBookingInput input() {
        return CreateBookingInput.newBuilder()
                .hotelId("11111111-1111-1111-1111-111111111111").roomTypeId(UUID.nameUUIDFromBytes(new byte[] {1}).toString())
                .checkIn(LocalDate.of(2027, 3, 10)).checkOut(LocalDate.of(2027, 3, 12)).guests(2).rooms(1)
                .quotedTotal(MoneyInput.newBuilder().amount("200.00").currency("EUR").build())
                .paymentToken("tok_ok")
                .build();
    }
}
