package dev.stay.booking.dining;

import dev.stay.common.dining.SeatingSlots;
import dev.stay.common.graphql.BadUserInput;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code Restaurant.availability}: anyone may ask; bad input is refused before anything is read. */
@Controller
class AvailabilityOfTables {

    /** The schema's {@code TimeSlot}. */
    record TimeSlot(String time, OffsetDateTime startsAt, OffsetDateTime endsAt, int tablesFree,
                    TableReservation.Money deposit) {}

    private final DiningRoom room;
    private final Clock clock;

    AvailabilityOfTables(DiningRoom room, Clock clock) {
        this.room = room;
        this.clock = clock;
    }

    @SchemaMapping(typeName = "Restaurant")
    List<TimeSlot> availability(Restaurant restaurant, @Argument LocalDate date, @Argument int partySize,
                                @Argument String from, @Argument String to) {
        refuse(TableRequest.partySize("partySize", partySize));
        LocalTime earliest = from == null ? LocalTime.MIN
                : TableRequest.time(from).orElseThrow(() -> bad(TableRequest.invalidTime("from")));
        LocalTime latest = to == null ? LocalTime.MAX
                : TableRequest.time(to).orElseThrow(() -> bad(TableRequest.invalidTime("to")));
        if (latest.isBefore(earliest)) {
            throw new BadUserInput("to", "TIME_RANGE_REVERSED", "to must not be before from");
        }
        Optional<DiningRoom.Terms> terms = room.terms(restaurant.id());
        LocalDate today = LocalDate.now(clock.withZone(terms.map(t -> t.rules().zone()).orElse(ZoneOffset.UTC)));
        refuse(TableRequest.date("date", date, today));
        if (terms.isEmpty() || !terms.get().takesReservations()) {
            return List.of();
        }
        DiningRoom.Terms t = terms.get();
        TableReservation.Money deposit = TableReservation.Money.of(t.depositFor(partySize), t.currency());
        return SeatingSlots.free(t.rules(), date, partySize, room.tables(t.id(), date, t.rules().zone(), null),
                        clock.instant()).stream()
                .filter(s -> !s.time().isBefore(earliest) && !s.time().isAfter(latest))
                .map(s -> new TimeSlot(s.time().toString(), s.startsAt().atOffset(ZoneOffset.UTC),
                        s.endsAt().atOffset(ZoneOffset.UTC), s.tablesFree(), deposit))
                .toList();
    }

    private static void refuse(Optional<TableRequest.Wrong> wrong) {
        if (wrong.isPresent()) {
            throw bad(wrong.get());
        }
    }

    private static BadUserInput bad(TableRequest.Wrong wrong) {
        return new BadUserInput(wrong.field(), wrong.reason(), wrong.message());
    }
}
