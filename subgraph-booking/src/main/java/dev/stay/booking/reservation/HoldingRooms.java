package dev.stay.booking.reservation;

import dev.stay.booking.db.tables.records.BookingRecord;
import dev.stay.booking.inventory.RoomsForBooking;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The booking's one database transaction: lock every night of the stay in date order, judge the stay, check the
 * quoted total against the live one, take the rooms, write the booking HELD with its nights, its expiry and the
 * {@code booking.held} event. Whatever it refuses, it takes nothing.
 */
@Component
class HoldingRooms {

    sealed interface Outcome {}

    /** The rooms are taken and the booking is held: charge it. */
    record Held(BookingRecord booking) implements Outcome {}

    /** Nothing taken: this is the answer. */
    record Refused(CreateBookingPayload answer) implements Outcome {}

    private static final String REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RoomsForBooking rooms;
    private final BookingRepository bookings;
    private final BookingEvents events;
    private final IdempotencyKeys keys;
    private final BookingProperties settings;

    HoldingRooms(RoomsForBooking rooms, BookingRepository bookings, BookingEvents events, IdempotencyKeys keys,
                 BookingProperties settings) {
        this.rooms = rooms;
        this.bookings = bookings;
        this.events = events;
        this.keys = keys;
        this.settings = settings;
    }

    @Transactional
    Outcome hold(UUID guestId, String partnerClient, BookingRequest request, String idempotencyKey) {
        var verdict = rooms.lockAndJudge(request.hotelId(), request.roomTypeId(), request.checkIn(),
                request.checkOut(), request.guests(), request.rooms());
        RoomsForBooking.Bookable bookable;
        switch (verdict) {
            case RoomsForBooking.Refused r -> {
                return new Refused(CreateBookingPayload.BookingRejected.of(r.code(), r.field(), r.message()));
            }
            case RoomsForBooking.SoldOut s -> {
                return new Refused(new CreateBookingPayload.SoldOut(s.available()));
            }
            case RoomsForBooking.Bookable b -> bookable = b;
        }
        var liveTotal = bookable.total().setScale(bookable.currencyDigits(), RoundingMode.HALF_EVEN);
        if (!bookable.currency().equals(request.quotedCurrency()) || liveTotal.compareTo(request.quotedAmount()) != 0) {
            return new Refused(new CreateBookingPayload.PriceChanged(
                    new Booking.Money(request.quotedAmount().toPlainString(), request.quotedCurrency()),
                    Booking.Money.of(liveTotal, bookable.currency())));
        }
        rooms.take(request.roomTypeId(), request.checkIn(), request.checkOut(), request.rooms());
        OffsetDateTime now = OffsetDateTime.now();
        BookingRecord booking = new BookingRecord()
                .setId(UUID.randomUUID()).setReference(newReference()).setGuestId(guestId)
                .setPropertyId(bookable.propertyId()).setUnitTypeId(request.roomTypeId())
                .setCheckIn(request.checkIn()).setCheckOut(request.checkOut())
                .setGuests(request.guests()).setRooms(request.rooms())
                .setTotal(liveTotal).setCurrency(bookable.currency())
                .setStatus(BookingStatus.HELD).setPaymentStatus(BookingStatus.PAYMENT_PENDING)
                .setHoldExpiresAt(now.plus(settings.holdFor()))
                .setRefundable(bookable.policy().refundable())
                .setFreeCancellationUntil(bookable.policy().freeUntil())
                .setPenaltyPercent(bookable.policy().penaltyPercent())
                .setNote(request.note()).setPartnerReference(request.partnerReference())
                .setPartnerClientId(partnerClient)
                .setCreatedAt(now).setUpdatedAt(now);
        bookings.insert(booking, bookable.nightlyPrices());
        keys.booked(guestId, idempotencyKey, booking.getId());
        events.held(booking);
        return new Held(booking);
    }

    /** STY- and six characters without the look-alikes (0/O, 1/I): a billion of them, unique in the table. */
    private String newReference() {
        while (true) {
            StringBuilder reference = new StringBuilder("STY-");
            for (int i = 0; i < 6; i++) {
                reference.append(REFERENCE_ALPHABET.charAt(RANDOM.nextInt(REFERENCE_ALPHABET.length())));
            }
            if (!bookings.referenceTaken(reference.toString())) {
                return reference.toString();
            }
        }
    }
}
