package dev.stay.booking.reservation;

import dev.stay.common.security.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code markNoShow}, the hotel's side of a stay's end (the stays that end as planned complete on their own). */
@Controller
class NoShowController {

    private final MarkingNoShow marking;
    private final BookingRepository bookings;

    NoShowController(MarkingNoShow marking, BookingRepository bookings) {
        this.marking = marking;
        this.bookings = bookings;
    }

    @MutationMapping
    MarkNoShowPayload markNoShow(@Argument String id, @Argument String idempotencyKey) {
        return marking.mark(Viewer.current(), id, idempotencyKey);
    }

    @SchemaMapping(typeName = "NoShowMarked", field = "booking")
    Booking noShowBooking(MarkNoShowPayload.NoShowMarked answer) {
        return bookings.find(answer.bookingId()).orElseThrow();
    }
}
