package dev.stay.booking.reservation;

import dev.stay.booking.inventory.RoomsForBooking;
import dev.stay.codegen.booking.types.BookingPeriod;
import dev.stay.common.graphql.Forbidden;
import dev.stay.common.graphql.Ids;
import dev.stay.common.security.Viewer;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Lists of bookings: the signed-in guest's, a hotel's for its owner, a user's for themselves or an admin. */
@Controller
class BookingQueries {

    /** A user as booking sees it: just its id, for {@code User.bookings}. Named as its GraphQL type. */
    record User(UUID id) {}

    private final BookingPages pages;

    BookingQueries(BookingPages pages) {
        this.pages = pages;
    }

    @QueryMapping
    BookingPage myBookings(@Argument BookingPeriod when, @Argument Integer first, @Argument String after) {
        Viewer viewer = Viewer.current().orElseThrow(() -> Forbidden.signInFirst("myBookings"));
        int size = BookingCursor.first(first);
        BookingCursor cursor = BookingCursor.decode(after);
        return BookingPage.of(pages.ofGuest(viewer.id(), when == null ? BookingPeriod.UPCOMING : when, cursor, size),
                size);
    }

    @SchemaMapping(typeName = "Hotel")
    BookingPage bookings(Object hotel, @Argument LocalDate from, @Argument LocalDate to, @Argument String status,
                         @Argument Integer first, @Argument String after) {
        Viewer viewer = Viewer.current().orElseThrow(() -> Forbidden.signInFirst("a hotel's bookings"));
        int size = BookingCursor.first(first);
        BookingCursor cursor = BookingCursor.decode(after);
        var found = pages.ofHotel(RoomsForBooking.hotelId(hotel), from, to, status, cursor, size);
        if (!viewer.isAdmin() && (found.isEmpty() || !viewer.mayManageFor(found.get().ownerId()))) {
            throw Forbidden.notYours("this hotel's bookings");
        }
        return found.map(f -> BookingPage.of(f.bookings(), size)).orElseGet(BookingPage::empty);
    }

    /** Any well-formed id is a user here: the users subgraph answers whether it exists. */
    @EntityMapping
    List<User> user(@Argument List<String> idList) {
        return idList.stream().map(id -> Ids.tryParse(id).map(User::new).orElse(null)).toList();
    }

    /**
     * Also on a booking's guest ({@code booking { guest { bookings } }}), which is a {@link Booking.Ref}, and on a
     * table reservation's.
     */
    @SchemaMapping(typeName = "User")
    BookingPage bookings(Object user, @Argument Integer first, @Argument String after) {
        UUID userId = switch (user) {
            case User u -> u.id();
            case dev.stay.booking.dining.TableReservation.Guest g -> g.id();
            default -> ((Booking.Ref) user).id();
        };
        Viewer viewer = Viewer.current().orElseThrow(() -> Forbidden.signInFirst("a user's bookings"));
        if (!viewer.mayActFor(userId)) {
            throw Forbidden.notYours("these bookings");
        }
        int size = BookingCursor.first(first);
        return BookingPage.of(pages.ofGuest(userId, BookingPeriod.ALL, BookingCursor.decode(after), size), size);
    }
}
