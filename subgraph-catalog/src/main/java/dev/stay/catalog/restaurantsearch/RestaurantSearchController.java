package dev.stay.catalog.restaurantsearch;

import dev.stay.catalog.db.enums.PropertyStatus;
import dev.stay.catalog.restaurant.Restaurant;
import dev.stay.catalog.restaurant.Restaurants;
import dev.stay.catalog.search.Destination;
import dev.stay.catalog.search.SuggestedRestaurants;
import dev.stay.common.graphql.BadUserInput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Restaurant search: open to everyone, published restaurants only. The restaurants of a page are read in one batch
 * from the catalog; one unpublished since the page was computed is left out. Also gives suggestions their
 * restaurants ({@link SuggestedRestaurants}).
 */
@Controller
class RestaurantSearchController implements SuggestedRestaurants {

    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 50;

    record Connection(List<Edge> edges, PageInfo pageInfo, int totalCount, RestaurantPage.Facets facets) {}

    record Edge(Restaurant node, String cursor, Double distanceKm, List<String> slots, Double rating, int reviewCount) {}

    record PageInfo(boolean hasNextPage, String endCursor) {}

    private final RestaurantSearch search;
    private final Restaurants restaurants;
    private final RestaurantSearchProperties settings;

    RestaurantSearchController(RestaurantSearch search, Restaurants restaurants, RestaurantSearchProperties settings) {
        this.search = search;
        this.restaurants = restaurants;
        this.settings = settings;
    }

    @QueryMapping
    Connection searchRestaurants(@Argument RestaurantSearchInput input, @Argument Integer first,
                                 @Argument String after) {
        int size = first == null ? DEFAULT_PAGE : first;
        if (size < 1 || size > MAX_PAGE) {
            throw new BadUserInput("first", "OUT_OF_RANGE", "first must be from 1 to " + MAX_PAGE);
        }
        RestaurantPage page = search.search(RestaurantCriteria.of(input), size, after);
        Map<UUID, Restaurant> found = published(page.results().stream().map(RestaurantPage.Result::id).toList());
        List<Edge> edges = page.results().stream().map(result -> {
            Restaurant restaurant = found.get(result.id());
            return restaurant == null ? null : new Edge(restaurant, result.cursor(), result.distanceKm(),
                    result.slots(), result.rating(), result.reviewCount());
        }).filter(Objects::nonNull).toList();
        String endCursor = page.results().isEmpty() ? null : page.results().getLast().cursor();
        return new Connection(edges, new PageInfo(page.hasNextPage(), endCursor), page.totalCount(), page.facets());
    }

    @Override
    public String alias() {
        return settings.alias();
    }

    @Override
    public List<Destination> destinations(List<UUID> ids) {
        Map<UUID, Restaurant> found = published(ids);
        return ids.stream().map(found::get).filter(Objects::nonNull)
                .map(r -> new Destination("RESTAURANT", r.name(), r.address().city(), r.address().country(), null, r))
                .toList();
    }

    private Map<UUID, Restaurant> published(List<UUID> ids) {
        Map<UUID, Restaurant> found = new HashMap<>(restaurants.find(ids));
        found.values().removeIf(restaurant -> restaurant.status() != PropertyStatus.PUBLISHED);
        return found;
    }
}
