package dev.stay.catalog.availability;

import java.time.LocalDate;

/**
 * A dated search's stay: nights from {@code checkIn} (inclusive) to {@code checkOut} (exclusive), for {@code guests}
 * in {@code rooms} rooms, every room sleeping its share of the party (rounded up), as booking's {@code StayRequest}.
 */
public record StayQuery(LocalDate checkIn, LocalDate checkOut, int guests, int rooms) {}
