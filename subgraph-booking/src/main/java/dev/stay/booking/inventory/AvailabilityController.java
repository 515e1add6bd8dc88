package dev.stay.booking.inventory;

import dev.stay.common.graphql.Ids;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class AvailabilityController {

    /** A hotel as booking sees it: just its id, which is all availability needs. Named as its GraphQL type. */
    record Hotel(UUID id) {}

    private final InventoryRepository inventory;
    private final Clock clock;

    AvailabilityController(InventoryRepository inventory, Clock clock) {
        this.inventory = inventory;
        this.clock = clock;
    }

    /** Any well-formed id is a hotel here: one that booking does not sell yet simply has no availability. */
    @EntityMapping
    List<Hotel> hotel(@Argument List<String> idList) {
        return idList.stream().map(id -> Ids.tryParse(id).map(Hotel::new).orElse(null)).toList();
    }

    @SchemaMapping(typeName = "Hotel")
    List<RoomOffer> availability(Hotel hotel, @Argument LocalDate checkIn, @Argument LocalDate checkOut,
                                 @Argument int guests, @Argument int rooms) {
        LocalDate today = inventory.zoneOf(hotel.id()).map(zone -> LocalDate.now(clock.withZone(zone)))
                .orElseGet(() -> LocalDate.now(clock));
        StayRequest stay = StayRequest.of(checkIn, checkOut, guests, rooms, today);
        return Offers.forStay(stay, inventory.nights(hotel.id(), stay));
    }
}
