package dev.stay.catalog.property;

import dev.stay.common.graphql.BadUserInput;
import dev.stay.common.graphql.Ids;
import dev.stay.common.security.Viewer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class HotelController {

    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 100;

    private final Hotels hotels;
    private final HotelRepository repository;

    HotelController(Hotels hotels, HotelRepository repository) {
        this.hotels = hotels;
        this.repository = repository;
    }

    @QueryMapping
    Hotel hotel(@Argument String id) {
        UUID hotelId = Ids.parse("id", id);
        Hotel hotel = hotels.find(List.of(hotelId)).get(hotelId);
        return hotel != null && hotel.visibleTo(Viewer.current()) ? hotel : null;
    }

    /**
     * Straight from PostgreSQL: an owner editing their hotels must see every change at once. Paged by keyset (the last
     * id received), so a chain owner with thousands of hotels never loads them all in one response.
     */
    @QueryMapping
    List<Hotel> myHotels(@Argument Integer first, @Argument String after) {
        int limit = first == null ? DEFAULT_PAGE : first;
        if (limit < 1 || limit > MAX_PAGE) {
            throw new BadUserInput("first", "OUT_OF_RANGE", "'first' must be from 1 to " + MAX_PAGE);
        }
        UUID afterId = after == null ? null : Ids.parse("after", after);
        return Viewer.current().map(viewer -> repository.findByOwner(viewer.id(), limit, afterId)).orElse(List.of());
    }

    /** The router asks for every hotel of a response at once; answered in request order, null where unknown. */
    @EntityMapping
    List<Hotel> hotel(@Argument List<String> idList) {
        Optional<Viewer> viewer = Viewer.current();
        Map<UUID, Hotel> visible = hotels.find(Ids.parseValid(idList)).values().stream()
                .filter(hotel -> hotel.visibleTo(viewer))
                .collect(Collectors.toMap(Hotel::id, Function.identity()));
        return Ids.inRequestOrder(idList, visible);
    }

    @EntityMapping
    List<RoomType> roomType(@Argument List<String> idList) {
        Map<UUID, RoomType> found = repository.findRoomTypes(Ids.parseValid(idList)).stream()
                .collect(Collectors.toMap(RoomType::id, Function.identity()));
        return Ids.inRequestOrder(idList, found);
    }
}
