package dev.stay.booking.dininglife;

import dev.stay.booking.dining.TableReservation;
import java.util.List;

/** The schema's {@code TableReservationConnection}: a page of reservations and whether more follow. */
record ReservationPage(List<Edge> edges, PageInfo pageInfo) {

    record Edge(String cursor, TableReservation node) {}

    record PageInfo(boolean hasNextPage, String endCursor) {}

    /** A page from up to {@code first + 1} reservations read: the extra one only says that more follow. */
    static ReservationPage of(List<TableReservation> read, int first) {
        List<Edge> edges = read.stream().limit(first)
                .map(r -> new Edge(ReservationCursor.of(r).encode(), r)).toList();
        return new ReservationPage(edges, new PageInfo(read.size() > first,
                edges.isEmpty() ? null : edges.getLast().cursor()));
    }
}
