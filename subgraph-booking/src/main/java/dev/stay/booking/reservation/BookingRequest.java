package dev.stay.booking.reservation;

import dev.stay.codegen.booking.types.BookingRejectionCode;
import dev.stay.codegen.booking.types.CreateBookingInput;
import dev.stay.common.graphql.Ids;
import dev.stay.common.graphql.Texts;
import dev.stay.common.graphql.Validated;
import dev.stay.common.graphql.Validation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/** A {@code createBooking} input once its form is checked (the stay itself is judged against the inventory). */
record BookingRequest(UUID hotelId, UUID roomTypeId, LocalDate checkIn, LocalDate checkOut, int guests, int rooms,
                      BigDecimal quotedAmount, String quotedCurrency, String paymentToken, String note,
                      String partnerReference) {

    static final int MAX_NOTE = 500;
    static final int MAX_PARTNER_REFERENCE = 64;
    static final int MAX_TOKEN = 200;

    static Validated<BookingRequest, BookingRejectionCode> of(CreateBookingInput in) {
        var v = new Validation<BookingRejectionCode>();
        var hotelId = Ids.tryParse(in.getHotelId());
        var roomTypeId = Ids.tryParse(in.getRoomTypeId());
        v.check(hotelId.isEmpty(), "hotelId", BookingRejectionCode.INVALID_ID, "hotelId is not a valid id");
        v.check(roomTypeId.isEmpty(), "roomTypeId", BookingRejectionCode.INVALID_ID, "roomTypeId is not a valid id");
        BigDecimal amount = amount(in.getQuotedTotal().getAmount());
        v.check(amount == null, "quotedTotal.amount", BookingRejectionCode.INVALID_AMOUNT,
                "quotedTotal.amount must be a decimal amount, e.g. \"240.00\"");
        v.check(in.getQuotedTotal().getCurrency() == null || !in.getQuotedTotal().getCurrency().matches("[A-Z]{3}"),
                "quotedTotal.currency", BookingRejectionCode.INVALID_AMOUNT, "quotedTotal.currency must be ISO 4217");
        v.text("paymentToken", in.getPaymentToken(), true, MAX_TOKEN, BookingRejectionCode.INVALID_PAYMENT_TOKEN,
                BookingRejectionCode.INVALID_PAYMENT_TOKEN, BookingRejectionCode.INVALID_PAYMENT_TOKEN);
        v.text("note", in.getNote(), false, MAX_NOTE, BookingRejectionCode.TEXT_TOO_LONG,
                BookingRejectionCode.TEXT_TOO_LONG, BookingRejectionCode.INVALID_CHARACTERS);
        v.text("partnerReference", in.getPartnerReference(), false, MAX_PARTNER_REFERENCE,
                BookingRejectionCode.TEXT_TOO_LONG, BookingRejectionCode.TEXT_TOO_LONG,
                BookingRejectionCode.INVALID_CHARACTERS);
        return v.then(() -> new BookingRequest(hotelId.get(), roomTypeId.get(), in.getCheckIn(), in.getCheckOut(),
                in.getGuests(), in.getRooms(), amount, in.getQuotedTotal().getCurrency(), in.getPaymentToken().strip(),
                blankToNull(in.getNote()), blankToNull(in.getPartnerReference())));
    }

    /** An idempotency key: 1 to 128 printable characters. */
    static boolean validKey(String key) {
        return key != null && !key.isBlank() && key.length() <= 128 && !Texts.hasControlCharacters(key);
    }

    /** The fingerprint of the input as sent: a key replayed with any other input is refused. */
    static String hash(CreateBookingInput in) {
        String canonical = String.join("\u001f", Stream.of(in.getHotelId(), in.getRoomTypeId(), in.getCheckIn(),
                        in.getCheckOut(), in.getGuests(), in.getRooms(), in.getQuotedTotal().getAmount(),
                        in.getQuotedTotal().getCurrency(), in.getPaymentToken(), in.getNote(), in.getPartnerReference())
                .map(o -> Objects.toString(o, "\u0000")).toList());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("createBooking\u001f" + canonical).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigDecimal amount(String text) {
        if (text == null || !text.matches("\\d{1,15}(\\.\\d{1,4})?")) {
            return null;
        }
        return new BigDecimal(text);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
