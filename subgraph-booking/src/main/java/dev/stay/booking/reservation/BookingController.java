package dev.stay.booking.reservation;

import dev.stay.codegen.booking.types.CreateBookingInput;
import dev.stay.common.graphql.Forbidden;
import dev.stay.common.graphql.Ids;
import dev.stay.common.security.Viewer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
@EnableConfigurationProperties(BookingProperties.class)
class BookingController {

    private final PlacingBooking placing;
    private final CancellingBooking cancelling;
    private final ChangingBookingDates changing;
    private final BookingCancellation cancellation;
    private final BookingRepository bookings;
    private final RetryingRefund retrying;

    BookingController(PlacingBooking placing, CancellingBooking cancelling, ChangingBookingDates changing,
                      BookingCancellation cancellation, BookingRepository bookings, RetryingRefund retrying) {
        this.retrying = retrying;
        this.placing = placing;
        this.cancelling = cancelling;
        this.changing = changing;
        this.cancellation = cancellation;
        this.bookings = bookings;
    }

    @MutationMapping
    CancelBookingPayload cancelBooking(@Argument String id, @Argument String idempotencyKey) {
        return cancelling.cancel(Viewer.current(), id, idempotencyKey);
    }

    @MutationMapping
    ChangeBookingPayload changeBookingDates(@Argument String id, @Argument LocalDate checkIn,
                                            @Argument LocalDate checkOut, @Argument String idempotencyKey,
                                            @Argument String paymentToken) {
        return changing.change(Viewer.current(), id, checkIn, checkOut, idempotencyKey, paymentToken);
    }

    @MutationMapping
    RetryRefundPayload retryRefund(@Argument String bookingId, @Argument String idempotencyKey) {
        return retrying.retry(Viewer.current(), bookingId, idempotencyKey);
    }

    @SchemaMapping(typeName = "RefundRetried", field = "booking")
    Booking retriedBooking(RetryRefundPayload.RefundRetried answer) {
        return bookings.find(answer.bookingId()).orElseThrow();
    }

    @SchemaMapping(typeName = "BookingChangePending", field = "booking")
    Booking changePendingBooking(ChangeBookingPayload.BookingChangePending answer) {
        return bookings.find(answer.bookingId()).orElseThrow();
    }

    /** The schema's {@code CancellationQuote}. */
    record Quote(Booking.Money refund, Booking.Money penalty, OffsetDateTime freeUntil, int penaltyPercent) {}

    /** What cancelling now would refund to whoever asks (the hotel's owner and admins refund in full). */
    @SchemaMapping(typeName = "Booking", field = "cancellationQuote")
    Quote cancellationQuote(Booking booking) {
        return Viewer.current().flatMap(viewer -> cancellation.quote(booking, viewer))
                .map(q -> new Quote(Booking.Money.of(q.refund(), q.currency()), Booking.Money.of(q.penalty(), q.currency()),
                        q.freeUntil(), q.penaltyPercent()))
                .orElse(null);
    }

    @SchemaMapping(typeName = "BookingCancelled", field = "booking")
    Booking cancelledBooking(CancelBookingPayload.BookingCancelled answer) {
        return bookings.find(answer.bookingId()).orElseThrow();
    }

    @SchemaMapping(typeName = "BookingDatesChanged", field = "booking")
    Booking changedBooking(ChangeBookingPayload.BookingDatesChanged answer) {
        return bookings.find(answer.bookingId()).orElseThrow();
    }

    @MutationMapping
    CreateBookingPayload createBooking(@Argument CreateBookingInput input, @Argument String idempotencyKey) {
        return placing.place(Viewer.current(), input, idempotencyKey);
    }

    /** Someone else's booking is not refused but absent: its id tells nothing. */
    @QueryMapping
    Booking booking(@Argument String id) {
        Viewer viewer = Viewer.current().orElseThrow(() -> Forbidden.signInFirst("a booking"));
        return Ids.tryParse(id).flatMap(bookings::find).filter(b -> b.visibleTo(viewer)).orElse(null);
    }

    /** The same rule through the router: a booking the viewer may not see resolves to null. */
    @EntityMapping
    List<Booking> booking(@Argument List<String> idList) {
        Optional<Viewer> viewer = Viewer.current();
        if (viewer.isEmpty()) {
            return idList.stream().map(id -> (Booking) null).toList();
        }
        Map<UUID, Booking> found = bookings.findAll(Ids.parseValid(idList)).stream()
                .filter(b -> b.visibleTo(viewer.get()))
                .collect(Collectors.toMap(Booking::id, Function.identity()));
        return Ids.inRequestOrder(idList, found);
    }

    @SchemaMapping(typeName = "BookingConfirmed", field = "booking")
    Booking confirmedBooking(CreateBookingPayload.BookingConfirmed answer) {
        return bookings.find(answer.bookingId()).orElseThrow();
    }

    @SchemaMapping(typeName = "BookingPending", field = "booking")
    Booking pendingBooking(CreateBookingPayload.BookingPending answer) {
        return bookings.find(answer.bookingId()).orElseThrow();
    }

    @SchemaMapping(typeName = "PaymentDeclined", field = "booking")
    Booking declinedBooking(AboutBooking answer) {
        return bookings.find(answer.bookingId()).orElseThrow();
    }
}
