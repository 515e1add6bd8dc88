package dev.stay.booking.inventory;

import dev.stay.common.graphql.FieldError;
import dev.stay.common.graphql.Validated;
import dev.stay.codegen.booking.types.InventoryErrorCode;
import dev.stay.codegen.booking.types.SetRoomInventoryInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An owner's change to a room type's nights, built from the input only when every rule holds. A null part (rooms,
 * price, closure, a sale rule) leaves that part of each night as it is.
 */
record InventoryChange(UUID roomTypeId, LocalDate from, LocalDate to, Integer rooms, BigDecimal price, Boolean closed,
                       Integer minStay, Integer maxStay, Boolean closedToArrival, Boolean closedToDeparture) {

    static final int MAX_NIGHTS = 366;
    /** Owners open sale up to two years ahead; guests book up to {@link StayRequest#MAX_DAYS_AHEAD} days ahead. */
    static final int MAX_DAYS_AHEAD = 731;
    static final int MAX_ROOMS = 10_000;
    static final BigDecimal MAX_PRICE = new BigDecimal("1000000");
    /** The longest minimum or maximum stay an owner may set, in nights (the database holds the same bound). */
    static final int MAX_STAY_LIMIT = 365;

    /**
     * @param today          the current day where the hotel is: nights before it are history
     * @param currencyDigits decimals of the hotel's currency
     */
    static Validated<InventoryChange, InventoryErrorCode> of(UUID roomTypeId, SetRoomInventoryInput input, LocalDate today, int currencyDigits) {
        List<FieldError<InventoryErrorCode>> errors = new ArrayList<>();
        if (input.getTo().isBefore(input.getFrom())) {
            errors.add(FieldError.of("to", InventoryErrorCode.RANGE_INVALID, "to must not be before from"));
        } else if (ChronoUnit.DAYS.between(input.getFrom(), input.getTo()) + 1 > MAX_NIGHTS) {
            errors.add(FieldError.of("to", InventoryErrorCode.RANGE_TOO_LONG, "at most " + MAX_NIGHTS + " nights at once"));
        }
        if (input.getFrom().isBefore(today)) {
            errors.add(FieldError.of("from", InventoryErrorCode.RANGE_IN_PAST, "from is in the past where the hotel is"));
        }
        if (input.getTo().isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            errors.add(FieldError.of("to", InventoryErrorCode.RANGE_TOO_FAR,
                    "nights are set at most " + MAX_DAYS_AHEAD + " days ahead"));
        }
        if (input.getRooms() != null && (input.getRooms() < 0 || input.getRooms() > MAX_ROOMS)) {
            errors.add(FieldError.of("rooms", InventoryErrorCode.ROOMS_OUT_OF_RANGE, "rooms must be 0 to " + MAX_ROOMS));
        }
        BigDecimal price = null;
        if (input.getPrice() != null) {
            try {
                price = new BigDecimal(input.getPrice().strip());
                if (price.signum() < 0 || price.compareTo(MAX_PRICE) > 0 || price.stripTrailingZeros().scale() > currencyDigits) {
                    errors.add(priceError(currencyDigits));
                }
            } catch (NumberFormatException e) {
                errors.add(priceError(currencyDigits));
            }
        }
        Integer minStay = input.getMinStay();
        Integer maxStay = input.getMaxStay();
        if (minStay != null && (minStay < 1 || minStay > MAX_STAY_LIMIT)) {
            errors.add(FieldError.of("minStay", InventoryErrorCode.MIN_STAY_OUT_OF_RANGE,
                    "minStay must be 1 to " + MAX_STAY_LIMIT + " nights"));
        }
        if (maxStay != null && (maxStay < 1 || maxStay > MAX_STAY_LIMIT)) {
            errors.add(FieldError.of("maxStay", InventoryErrorCode.MAX_STAY_OUT_OF_RANGE,
                    "maxStay must be 1 to " + MAX_STAY_LIMIT + " nights"));
        } else if (minStay != null && maxStay != null && maxStay < minStay) {
            errors.add(FieldError.of("maxStay", InventoryErrorCode.MAX_STAY_BELOW_MIN_STAY,
                    "maxStay must not be below minStay"));
        }
        if (input.getRooms() == null && input.getPrice() == null && input.getClosed() == null && minStay == null
                && maxStay == null && input.getClosedToArrival() == null && input.getClosedToDeparture() == null) {
            errors.add(FieldError.of(null, InventoryErrorCode.NOTHING_TO_SET,
                    "give rooms, price, closed, minStay, maxStay, closedToArrival or closedToDeparture"));
        }
        return errors.isEmpty()
                ? Validated.valid(new InventoryChange(roomTypeId, input.getFrom(), input.getTo(), input.getRooms(),
                        price, input.getClosed(), minStay, maxStay, input.getClosedToArrival(),
                        input.getClosedToDeparture()))
                : Validated.refused(errors);
    }

    List<LocalDate> nights() {
        return from.datesUntil(to.plusDays(1)).toList();
    }

    private static FieldError<InventoryErrorCode> priceError(int digits) {
        return FieldError.of("price", InventoryErrorCode.PRICE_INVALID,
                "price must be a decimal from 0 to " + MAX_PRICE + " with at most " + digits + " decimals");
    }
}
