package dev.stay.booking.dining;

import dev.stay.codegen.booking.types.ReservationRejectionCode;
import dev.stay.codegen.booking.types.ReserveTableInput;
import dev.stay.common.graphql.Ids;
import dev.stay.common.graphql.Texts;
import dev.stay.common.graphql.Validated;
import dev.stay.common.graphql.Validation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A {@code reserveTable} input once its form is checked (the slot itself is judged against the tables). */
record ReserveRequest(UUID restaurantId, LocalDate date, LocalTime time, int partySize, BigDecimal quotedAmount,
                      String quotedCurrency, String paymentToken, String note, String partnerReference) {

    static final int MAX_NOTE = 500;
    static final int MAX_PARTNER_REFERENCE = 64;
    static final int MAX_TOKEN = 200;

    static Validated<ReserveRequest, ReservationRejectionCode> of(ReserveTableInput in) {
        var v = new Validation<ReservationRejectionCode>();
        var restaurantId = Ids.tryParse(in.getRestaurantId());
        v.check(restaurantId.isEmpty(), "restaurantId", ReservationRejectionCode.INVALID_ID,
                "restaurantId is not a valid id");
        var time = TableRequest.time(in.getTime());
        v.check(time.isEmpty(), "time", ReservationRejectionCode.INVALID_TIME, "time must be HH:MM, 00:00 to 23:59");
        TableRequest.partySize("partySize", in.getPartySize()).ifPresent(w ->
                v.refuse(w.field(), ReservationRejectionCode.PARTY_SIZE_OUT_OF_RANGE, w.message()));
        BigDecimal amount = amount(in.getQuotedDeposit().getAmount());
        v.check(amount == null, "quotedDeposit.amount", ReservationRejectionCode.INVALID_AMOUNT,
                "quotedDeposit.amount must be a decimal amount, e.g. \"20.00\"");
        String currency = in.getQuotedDeposit().getCurrency();
        v.check(currency == null || !currency.matches("[A-Z]{3}"), "quotedDeposit.currency",
                ReservationRejectionCode.INVALID_AMOUNT, "quotedDeposit.currency must be ISO 4217");
        v.text("paymentToken", in.getPaymentToken(), false, MAX_TOKEN, ReservationRejectionCode.INVALID_PAYMENT_TOKEN,
                ReservationRejectionCode.INVALID_PAYMENT_TOKEN, ReservationRejectionCode.INVALID_PAYMENT_TOKEN);
        v.text("note", in.getNote(), false, MAX_NOTE, ReservationRejectionCode.TEXT_TOO_LONG,
                ReservationRejectionCode.TEXT_TOO_LONG, ReservationRejectionCode.INVALID_CHARACTERS);
        v.text("partnerReference", in.getPartnerReference(), false, MAX_PARTNER_REFERENCE,
                ReservationRejectionCode.TEXT_TOO_LONG, ReservationRejectionCode.TEXT_TOO_LONG,
                ReservationRejectionCode.INVALID_CHARACTERS);
        return v.then(() -> new ReserveRequest(restaurantId.get(), in.getDate(), time.get(), in.getPartySize(), amount,
                currency, blankToNull(in.getPaymentToken()), blankToNull(in.getNote()),
                blankToNull(in.getPartnerReference())));
    }

    /** A decimal amount of at most 19 digits, not negative; null when it is not one. */
    static BigDecimal amount(String text) {
        if (text == null || !text.matches("[0-9]{1,15}(\\.[0-9]{1,4})?")) {
            return null;
        }
        return new BigDecimal(text);
    }

    static boolean validKey(String key) {
        return key != null && !key.isBlank() && key.length() <= 128 && !Texts.hasControlCharacters(key);
    }

    /** The fingerprint of the input as sent: a key replayed with any other input is refused. */
    static String hash(String operation, List<Object> parts) {
        String canonical = String.join("\u001f", parts.stream().map(o -> Objects.toString(o, "\u0000")).toList());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((operation + "\u001f" + canonical).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hash(ReserveTableInput in) {
        return hash("reserveTable", java.util.Arrays.asList(in.getRestaurantId(), in.getDate(), in.getTime(),
                in.getPartySize(), in.getQuotedDeposit().getAmount(), in.getQuotedDeposit().getCurrency(),
                in.getPaymentToken(), in.getNote(), in.getPartnerReference()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
