package dev.stay.catalog.restaurant;

import dev.stay.common.graphql.BadUserInput;
import dev.stay.common.graphql.Ids;
import dev.stay.common.security.Viewer;
import java.util.List;
import java.util.UUID;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Reading restaurants: by id, through {@code _entities}, and an owner's own. */
@Controller
class RestaurantController {

    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 100;

    private final Restaurants restaurants;
    private final RestaurantRepository repository;

    RestaurantController(Restaurants restaurants, RestaurantRepository repository) {
        this.restaurants = restaurants;
        this.repository = repository;
    }

    @QueryMapping
    Restaurant restaurant(@Argument String id) {
        UUID restaurantId = Ids.parse("id", id);
        return restaurants.visible(List.of(restaurantId), Viewer.current()).get(restaurantId);
    }

    /** Straight from PostgreSQL, newest first, paged by keyset (the last id received), like {@code myHotels}. */
    @QueryMapping
    List<Restaurant> myRestaurants(@Argument Integer first, @Argument String after) {
        int limit = first == null ? DEFAULT_PAGE : first;
        if (limit < 1 || limit > MAX_PAGE) {
            throw new BadUserInput("first", "OUT_OF_RANGE", "'first' must be from 1 to " + MAX_PAGE);
        }
        UUID afterId = after == null ? null : Ids.parse("after", after);
        return Viewer.current().map(viewer -> repository.findByOwner(viewer.id(), limit, afterId)).orElse(List.of());
    }

    /**
     * The router asks for every restaurant of a response at once: one statement, answered in request order, null
     * where unknown or not visible to the caller (a draft of someone else's is as absent as an unknown id).
     */
    @EntityMapping
    List<Restaurant> restaurant(@Argument List<String> idList) {
        return Ids.inRequestOrder(idList, restaurants.visible(Ids.parseValid(idList), Viewer.current()));
    }
}
