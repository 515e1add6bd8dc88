package dev.stay.catalog.property;

import dev.stay.common.graphql.Ids;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class HotelController {

    private final HotelRepository hotels;

    HotelController(HotelRepository hotels) {
        this.hotels = hotels;
    }

    @QueryMapping
    Hotel hotel(@Argument String id) {
        return hotels.findPublished(List.of(Ids.parse("id", id))).stream().findFirst().orElse(null);
    }

    /** The router asks for every hotel of a response at once; answered in request order, null where unknown. */
    @EntityMapping
    List<Hotel> hotel(@Argument List<String> idList) {
        Map<UUID, Hotel> found = hotels.findPublished(Ids.parseValid(idList)).stream()
                .collect(Collectors.toMap(Hotel::id, Function.identity()));
        return Ids.inRequestOrder(idList, found);
    }

    @EntityMapping
    List<RoomType> roomType(@Argument List<String> idList) {
        Map<UUID, RoomType> found = hotels.findRoomTypes(Ids.parseValid(idList)).stream()
                .collect(Collectors.toMap(RoomType::id, Function.identity()));
        return Ids.inRequestOrder(idList, found);
    }
}
