package dev.stay.catalog.restaurantreview;

import dev.stay.catalog.restaurant.Restaurant;
import dev.stay.catalog.restaurant.Restaurants;
import dev.stay.catalog.review.ReviewCursor;
import dev.stay.codegen.catalog.types.CatalogErrorCode;
import dev.stay.codegen.catalog.types.ReviewSort;
import dev.stay.codegen.catalog.types.SubmitRestaurantReviewInput;
import dev.stay.common.graphql.FieldError;
import dev.stay.common.security.Viewer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Restaurant reviews: the guests' mutation and the fields they add to Restaurant. A page of restaurants (search
 * results, {@code _entities}) reads its ratings in one statement and its reviews in one more: {@code rating} is a
 * {@code @BatchMapping}; {@code reviews} takes arguments, which a {@code @BatchMapping} cannot, so it goes through a
 * DataLoader keyed by (restaurant, first, after) whose batch is one statement per distinct (first, after).
 */
@Controller
class RestaurantReviewController {

    /** The schema's {@code SubmitRestaurantReviewPayload}. */
    record ReviewPayload(RestaurantReview review, List<FieldError<CatalogErrorCode>> errors) {}

    /** One restaurant's page of reviews as asked. */
    record PageKey(UUID restaurantId, int first, ReviewCursor after) {}

    /** What the restaurants of one statement were all asked. */
    private record Asked(int first, ReviewCursor after) {}

    private final SubmittingRestaurantReview submitting;
    private final RestaurantReviewRepository reviews;
    private final RestaurantRatings ratings;
    private final Restaurants restaurants;

    RestaurantReviewController(SubmittingRestaurantReview submitting, RestaurantReviewRepository reviews,
                               RestaurantRatings ratings, Restaurants restaurants, BatchLoaderRegistry loaders) {
        this.submitting = submitting;
        this.reviews = reviews;
        this.ratings = ratings;
        this.restaurants = restaurants;
        loaders.forTypePair(PageKey.class, RestaurantReviewPage.class)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> pages(keys)));
    }

    @MutationMapping
    ReviewPayload submitRestaurantReview(@Argument SubmitRestaurantReviewInput input) {
        var outcome = submitting.submit(Viewer.current(), input);
        return new ReviewPayload(outcome.reviewId() == null ? null : reviews.find(outcome.reviewId()).orElseThrow(),
                outcome.errors());
    }

    /** Every restaurant of a response in one statement. Public, as the restaurant's page. */
    @BatchMapping(typeName = "Restaurant")
    Map<Restaurant, RestaurantRating> rating(List<Restaurant> list) {
        Map<UUID, RestaurantRating> found = ratings.of(list.stream().map(Restaurant::id).toList());
        Map<Restaurant, RestaurantRating> answer = new LinkedHashMap<>();
        list.forEach(r -> answer.put(r, found.getOrDefault(r.id(), RestaurantRating.NONE)));
        return answer;
    }

    /** Public, as the restaurant's page; arguments are checked before anything is read. */
    @SchemaMapping(typeName = "Restaurant")
    CompletableFuture<RestaurantReviewPage> reviews(Restaurant restaurant, @Argument Integer first,
                                                    @Argument String after,
                                                    DataLoader<PageKey, RestaurantReviewPage> pages) {
        return pages.load(new PageKey(restaurant.id(), ReviewCursor.first(first),
                ReviewCursor.decode(after, ReviewSort.NEWEST)));
    }

    /** The restaurant each review is of, all at once; null (not shown) for one the viewer may no longer see. */
    @BatchMapping(typeName = "RestaurantReview", field = "restaurant")
    Map<RestaurantReview, Restaurant> restaurant(List<RestaurantReview> list) {
        Map<UUID, Restaurant> found = restaurants.visible(
                list.stream().map(RestaurantReview::restaurantId).distinct().toList(), Viewer.current());
        Map<RestaurantReview, Restaurant> answer = new LinkedHashMap<>();
        list.forEach(review -> {
            Restaurant restaurant = found.get(review.restaurantId());
            if (restaurant != null) {
                answer.put(review, restaurant);
            }
        });
        return answer;
    }

    private Map<PageKey, RestaurantReviewPage> pages(Set<PageKey> keys) {
        Map<PageKey, RestaurantReviewPage> answer = new LinkedHashMap<>();
        keys.stream().collect(Collectors.groupingBy(k -> new Asked(k.first(), k.after())))
                .forEach((asked, same) -> {
                    var read = reviews.pages(same.stream().map(PageKey::restaurantId).toList(), asked.after(),
                            asked.first());
                    same.forEach(k -> answer.put(k, RestaurantReviewPage.of(read.get(k.restaurantId()), k.first())));
                });
        return answer;
    }
}
