package dev.stay.booking.reservation;

import java.util.List;

/** The schema's {@code BookingConnection}: a page of bookings and whether more follow. */
record BookingPage(List<Edge> edges, PageInfo pageInfo) {

    record Edge(String cursor, Booking node) {}

    record PageInfo(boolean hasNextPage, String endCursor) {}

    /** A page from up to {@code first + 1} bookings read: the extra one only says that more follow. */
    static BookingPage of(List<Booking> read, int first) {
        List<Edge> edges = read.stream().limit(first)
                .map(b -> new Edge(BookingCursor.of(b).encode(), b)).toList();
        return new BookingPage(edges, new PageInfo(read.size() > first,
                edges.isEmpty() ? null : edges.getLast().cursor()));
    }

    static BookingPage empty() {
        return new BookingPage(List.of(), new PageInfo(false, null));
    }
}
