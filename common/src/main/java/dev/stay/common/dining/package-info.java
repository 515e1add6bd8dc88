/**
 * When a party can sit down: the pure computation of a restaurant's start times for a day, shared by booking
 * (availability, reserving a table) and the catalog (restaurant search by date). No I/O and no clock of its own: the
 * caller gives the restaurant's {@link dev.stay.common.dining.DiningRules}, its tables with their busy ranges and
 * {@code now}.
 *
 * <p>The rules, in one place:
 * <ul>
 *   <li>A day's start times are every {@code slotMinutes} from a service period's opening, before its closing (a party
 *       may stay past closing). A period whose {@code closes <= opens} crosses midnight: its times after midnight are
 *       the next day's and are closed with the day it opened on.</li>
 *   <li>Start times are wall-clock times of the restaurant's zone: one that does not exist that day (the spring gap)
 *       is not offered; one that exists twice (the autumn overlap) is offered once, at the earlier offset.</li>
 *   <li>A party's seating duration is in real minutes: {@code endsAt = startsAt + minutes}, whatever the clocks do.</li>
 *   <li>A table is free at a start when none of its busy ranges ({@code [from, to)}) overlaps {@code [startsAt,
 *       endsAt)}; the smallest free table that seats the party is the one with the fewest seats.</li>
 *   <li>Nothing at or before {@code now}.</li>
 * </ul>
 */
package dev.stay.common.dining;
