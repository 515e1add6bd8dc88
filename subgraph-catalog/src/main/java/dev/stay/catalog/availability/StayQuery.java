package dev.stay.catalog.availability;

import java.time.LocalDate;

/** A stay searched for: nights from checkIn (included) to checkOut (excluded), for guests in rooms. */
public record StayQuery(LocalDate checkIn, LocalDate checkOut, int guests, int rooms) {}
