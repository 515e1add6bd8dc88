package dev.stay.common.dining;

import java.time.Instant;
import java.time.LocalTime;

/** A start time of a restaurant's day: the local wall-clock time and the instant it is. */
public record Start(LocalTime time, Instant startsAt) {}
