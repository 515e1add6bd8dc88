package dev.stay.catalog.search;

import dev.stay.catalog.property.Hotel;
import dev.stay.catalog.property.Hotels;
import dev.stay.common.graphql.BadUserInput;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Hotel search and destination suggestions: open to everyone, published hotels only. The hotels of a page are read
 * through the property page's cache in one batch; a hotel unpublished since the page was computed is left out.
 */
@Controller
class SearchController {

    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 50;

    record Connection(List<Edge> edges, PageInfo pageInfo, int totalCount, SearchPage.Facets facets) {}

    record Edge(Hotel node, String cursor, Double distanceKm, SearchPage.Money lowestTotal, Double rating,
                int reviewCount) {}

    record PageInfo(boolean hasNextPage, String endCursor) {}

    private final HotelSearch search;
    private final Suggestions suggestions;
    private final Hotels hotels;

    SearchController(HotelSearch search, Suggestions suggestions, Hotels hotels) {
        this.search = search;
        this.suggestions = suggestions;
        this.hotels = hotels;
    }

    @QueryMapping
    Connection searchHotels(@Argument SearchInput input, @Argument Integer first, @Argument String after) {
        int size = first == null ? DEFAULT_PAGE : first;
        if (size < 1 || size > MAX_PAGE) {
            throw new BadUserInput("first", "OUT_OF_RANGE", "first must be from 1 to " + MAX_PAGE);
        }
        SearchPage page = search.search(SearchCriteria.of(input), size, after);
        Map<UUID, Hotel> found = hotels.find(HotelSearch.ids(page));
        List<Edge> edges = page.results().stream()
                .map(result -> {
                    Hotel hotel = found.get(result.id());
                    return hotel == null || !hotel.isPublished() ? null : new Edge(hotel, result.cursor(),
                            result.distanceKm(), result.lowestTotal(), result.rating(), result.reviewCount());
                })
                .filter(Objects::nonNull).toList();
        String endCursor = page.results().isEmpty() ? null : page.results().getLast().cursor();
        return new Connection(edges, new PageInfo(page.hasNextPage(), endCursor), page.totalCount(), page.facets());
    }

    @QueryMapping
    List<Destination> suggestDestinations(@Argument String prefix) {
        return suggestions.suggest(prefix);
    }
}
