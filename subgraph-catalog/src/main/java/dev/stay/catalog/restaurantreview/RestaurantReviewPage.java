package dev.stay.catalog.restaurantreview;

import dev.stay.catalog.review.ReviewCursor;
import java.util.List;

/** The schema's {@code RestaurantReviewConnection}: a page of reviews, newest first, and whether more follow. */
record RestaurantReviewPage(List<Edge> edges, PageInfo pageInfo) {

    static final RestaurantReviewPage EMPTY = new RestaurantReviewPage(List.of(), new PageInfo(false, null));

    record Edge(RestaurantReview node, String cursor) {}

    record PageInfo(boolean hasNextPage, String endCursor) {}

    /** A page from up to {@code first + 1} reviews read: the extra one only says that more follow. */
    static RestaurantReviewPage of(List<RestaurantReview> read, int first) {
        List<Edge> edges = read.stream().limit(first)
                .map(r -> new Edge(r, ReviewCursor.newest(r.createdAt(), r.id()).encode())).toList();
        return new RestaurantReviewPage(edges, new PageInfo(read.size() > first,
                edges.isEmpty() ? null : edges.getLast().cursor()));
    }
}
