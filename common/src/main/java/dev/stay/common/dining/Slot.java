package dev.stay.common.dining;

import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A start time for a party: local time, when the party sits down and gives the table back, how many tables that seat
 * it are free for the whole time, and the smallest of them (null when none is).
 */
public record Slot(LocalTime time, Instant startsAt, Instant endsAt, int tablesFree, UUID smallestTable) {}
